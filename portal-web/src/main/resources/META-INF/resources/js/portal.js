// Small progressive enhancements; every page works without them.
(function () {
  // "Select all" ticks every ticket box of its form
  document.querySelectorAll('[data-select-all]').forEach(function (all) {
    // the boxes are looked up on each change: a live update may have replaced the list meanwhile
    all.addEventListener('change', function () {
      all.form.querySelectorAll('input[name="' + all.dataset.selectAll + '"]').forEach(function (b) { b.checked = all.checked; });
    });
  });
  // the hold's countdown; when it runs out the page reloads and explains what happened
  document.querySelectorAll('[data-countdown]').forEach(function (el) {
    var until = Date.parse(el.dataset.countdown);
    function tick() {
      var left = Math.max(0, Math.round((until - Date.now()) / 1000));
      el.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
      if (left === 0) {
        clearInterval(timer);
        setTimeout(function () { location.href = el.dataset.lapsedUrl || location.href; }, 1500);
      }
    }
    var timer = setInterval(tick, 1000);
    tick();
  });
  // "this ticket is for me": the holder's own ticket needs no name or email typed
  // (read-only, not disabled: every ticket's fields must still be sent, in order)
  function markMine() {
    document.querySelectorAll('fieldset.attendee').forEach(function (set) {
      var mine = set.querySelector('input[name="mine"]').checked;
      set.querySelectorAll('input[name="name"], input[name="email"]').forEach(function (i) { i.readOnly = mine; });
    });
  }
  document.querySelectorAll('input[name="mine"]').forEach(function (r) { r.addEventListener('change', markMine); });
  markMine();
  // the CSP forbids eval, so htmx cannot filter events: "the page is visible again" is an event of its own
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') { document.dispatchEvent(new Event('page-visible')); }
  });
})();
