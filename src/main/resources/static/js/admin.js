// Back office charts: data comes from data-* attributes, so no inline script (and no escaping of data into JS).
(function () {
  'use strict';
  function draw(canvas, type) {
    if (!canvas || typeof Chart === 'undefined') { return; }
    var from = canvas.getAttribute('data-labels-from'); // labels already on the page, as translated there
    var labels = from
      ? Array.prototype.map.call(document.querySelectorAll(from), function (el) { return el.textContent.trim(); })
      : (canvas.getAttribute('data-labels') || '').split(',').filter(Boolean);
    var values = (canvas.getAttribute('data-values') || '').split(',').filter(Boolean).map(Number);
    var parts = type === 'doughnut';
    new Chart(canvas, {
      type: type,
      data: { labels: labels, datasets: [{ label: canvas.getAttribute('aria-label') || '', data: values,
        backgroundColor: parts ? ['#1b7f3b', '#0f6fde', '#b26a00'] : '#0f6fde', borderColor: parts ? '#fff' : '#0f6fde' }] },
      options: parts
        ? { animation: false, plugins: { legend: { display: true, position: 'right' } } }
        : { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
    });
  }
  draw(document.getElementById('spend-chart'), 'bar');
  draw(document.getElementById('revenue-chart'), 'line');
  draw(document.getElementById('payment-chart'), 'doughnut');
})();
