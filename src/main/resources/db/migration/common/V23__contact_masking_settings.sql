-- Whether cashiers see customers' full phone, email and address (an ADMIN's choice). One row; masked by default.
CREATE TABLE contact_masking_settings (
    id                            INT PRIMARY KEY CHECK (id = 1),
    cashiers_see_contact_details  BOOLEAN NOT NULL,
    updated_at                    TIMESTAMP WITH TIME ZONE,
    updated_by                    VARCHAR(100)
);

INSERT INTO contact_masking_settings (id, cashiers_see_contact_details) VALUES (1, FALSE);
