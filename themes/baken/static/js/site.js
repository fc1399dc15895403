// On every page. The header's two folds (menu, languages) work without this file, as <details>; with it,
// Escape closes an open fold and puts focus back on its button, and a click elsewhere closes the
// languages. It also starts the service worker that keeps help at hand without a connection.
(function () {
  'use strict';

  var folds = document.querySelectorAll('.site-header details');

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    folds.forEach(function (fold) {
      if (!fold.open || !fold.contains(document.activeElement)) return;
      fold.open = false;
      fold.querySelector('summary').focus();
    });
  });

  document.addEventListener('click', function (event) {
    folds.forEach(function (fold) {
      if (fold.open && fold.classList.contains('languages') && !fold.contains(event.target)) fold.open = false;
    });
  });

  // Browsers that cannot style a fold's content show the menu fold open where the menu fits.
  var menu = document.querySelector('.site-nav');
  if (menu && window.CSS && CSS.supports && !CSS.supports('selector(::details-content)') && window.matchMedia) {
    var wide = window.matchMedia('(min-width: 64rem)');
    var follow = function () { menu.open = wide.matches; };
    follow();
    if (wide.addEventListener) wide.addEventListener('change', follow);
  }

  // Not from file:// (a page saved on the device) and not where the browser has no service workers.
  var script = document.currentScript;
  var worker = script && script.getAttribute('data-worker');
  if (worker && location.protocol !== 'file:' && 'serviceWorker' in navigator) {
    navigator.serviceWorker.register(worker).catch(function () {});
  }
})();
