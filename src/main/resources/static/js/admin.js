// Back office charts: data comes from data-* attributes, so no inline script (and no escaping of data into JS).
(function () {
  'use strict';
  function draw(canvas, type) {
    if (!canvas || typeof Chart === 'undefined') { return; }
    var labels = (canvas.getAttribute('data-labels') || '').split(',').filter(Boolean);
    var values = (canvas.getAttribute('data-values') || '').split(',').filter(Boolean).map(Number);
    new Chart(canvas, {
      type: type,
      data: { labels: labels, datasets: [{ label: canvas.getAttribute('aria-label') || '', data: values, backgroundColor: '#0f6fde', borderColor: '#0f6fde' }] },
      options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
    });
  }
  draw(document.getElementById('spend-chart'), 'bar');
  draw(document.getElementById('revenue-chart'), 'line');
})();
