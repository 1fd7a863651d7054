// The goals page's charts: for each goal, its value now, its projection by the roadmap and its target, read from
// the canvas's data-* attributes (the table beside each chart holds the same figures).
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  var colors = { success: '#198754', primary: '#0d6efd', warning: '#ffc107', danger: '#dc3545' };
  document.querySelectorAll('canvas.goal-chart').forEach(function (canvas) {
    var labels = [canvas.getAttribute('data-label-value'), canvas.getAttribute('data-label-projected'),
      canvas.getAttribute('data-label-target')];
    var values = (canvas.getAttribute('data-values') || '').split(';').map(function (v) {
      return v === '' ? null : Number(v);
    });
    var color = colors[canvas.getAttribute('data-color')] || '#6c757d';
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: labels,
        datasets: [{ data: values, backgroundColor: [color, '#9ec5fe', '#adb5bd'] }]
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        animation: false,
        locale: 'vi-VN',
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true } }
      }
    });
  });
});
