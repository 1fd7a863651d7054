// The funding summary's chart: planned, allocated and disbursed by year and source, read from the canvas's data-*
// attributes (the table beside it holds the same figures).
document.addEventListener('DOMContentLoaded', function () {
  var canvas = document.getElementById('funding-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  function numbers(name) {
    var text = canvas.getAttribute(name);
    return text ? text.split(';').map(Number) : [];
  }
  var labels = (canvas.getAttribute('data-labels') || '').split(';').filter(function (l) { return l.length > 0; });
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: labels,
      datasets: [
        { label: canvas.getAttribute('data-planned-label'), data: numbers('data-planned'), backgroundColor: '#9ec5fe' },
        { label: canvas.getAttribute('data-allocated-label'), data: numbers('data-allocated'), backgroundColor: '#6ea8fe' },
        { label: canvas.getAttribute('data-disbursed-label'), data: numbers('data-disbursed'), backgroundColor: '#198754' }
      ]
    },
    options: {
      responsive: true,
      animation: false,
      locale: 'vi-VN',
      plugins: { legend: { position: 'bottom' } },
      scales: { y: { beginAtZero: true, title: { display: true, text: canvas.getAttribute('data-unit') } } }
    }
  });
});
