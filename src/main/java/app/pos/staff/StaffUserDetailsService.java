package app.pos.staff;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class StaffUserDetailsService implements UserDetailsService {

    private final StaffRepository staff;

    StaffUserDetailsService(StaffRepository staff) {
        this.staff = staff;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StaffRepository.StaffRow row = staff.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(row.username())
                .password(row.passwordHash())
                .authorities(List.of(new SimpleGrantedAuthority(row.role().authority())))
                .disabled(!row.active())
                .build();
    }
}
