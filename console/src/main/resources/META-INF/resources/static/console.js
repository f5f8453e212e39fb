// The console works without this script; it only adds live countdowns and a confirmation before lasting actions.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { event.preventDefault(); }
    });
  });
  var countdowns = document.querySelectorAll('[data-until]');
  function tick() {
    countdowns.forEach(function (node) {
      var left = Math.max(0, Date.parse(node.getAttribute('data-until')) - Date.now());
      var hours = Math.floor(left / 3600000), minutes = Math.floor(left % 3600000 / 60000);
      node.textContent = left === 0 ? 'lifted' : hours + ' h ' + minutes + ' min left';
    });
  }
  if (countdowns.length) { tick(); setInterval(tick, 30000); }
});
