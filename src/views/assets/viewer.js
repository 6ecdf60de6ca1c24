// Item pages: turns the plain record image into an OpenSeadragon deep-zoom viewer over IIIF
// tiles, and makes the IIIF link carry the manifest to other viewers by drag and drop.
// Without JavaScript (or when OpenSeadragon fails to load) the plain image stays.
/* global OpenSeadragon */
(function () {
  'use strict';

  // OpenSeadragon injects a <style> unless one marked like this exists; an empty one (allowed
  // by its hash in the Content-Security-Policy) keeps the policy free of 'unsafe-inline'.
  function markStyleInjected() {
    if (document.querySelector('style[data-openseadragon-mobile-css]')) return;
    var style = document.createElement('style');
    style.setAttribute('data-openseadragon-mobile-css', 'true');
    document.head.appendChild(style);
  }

  function startViewer(el) {
    if (typeof OpenSeadragon !== 'function') return;
    markStyleInjected();
    var sources;
    try {
      sources = JSON.parse(el.getAttribute('data-tile-sources') || '[]');
    } catch {
      return;
    }
    if (!sources.length) return;
    var id = el.id;
    var stage = document.getElementById(id + '-stage');
    var bar = el.querySelector('.viewer-bar');
    var keys = el.querySelector('.viewer-keys');
    var fallback = el.querySelector('.viewer-fallback');
    stage.hidden = false;
    var many = sources.length > 1;
    var viewer = OpenSeadragon({
      element: stage,
      tileSources: many ? sources : sources[0],
      sequenceMode: many,
      crossOriginPolicy: 'Anonymous',
      showNavigator: false,
      showRotationControl: false,
      zoomInButton: id + '-in',
      zoomOutButton: id + '-out',
      homeButton: id + '-home',
      fullPageButton: id + '-full',
      previousButton: many ? id + '-prev' : undefined,
      nextButton: many ? id + '-next' : undefined,
      gestureSettingsTouch: { pinchRotate: false },
      maxZoomPixelRatio: 3,
      visibilityRatio: 0.8,
      preserveImageSizeOnResize: true,
    });
    // Once the first tiles are drawn the plain image is no longer needed; until then (or if
    // the image service cannot be reached) it stays in place.
    viewer.addOnceHandler('tile-loaded', function () {
      if (fallback) fallback.hidden = true;
      el.classList.add('viewer-live');
      bar.hidden = false;
      keys.hidden = false;
    });
    viewer.addHandler('open-failed', function () {
      stage.hidden = true;
      el.classList.remove('viewer-live');
      if (fallback) fallback.hidden = false;
    });
    // The bar is a control of the viewer, so it stays on screen in full-screen mode.
    viewer.addControl(bar, { anchor: OpenSeadragon.ControlAnchor.TOP_LEFT, autoFade: false });
    // OpenSeadragon titles the buttons in English; ours are labelled in the page's language.
    var buttons = bar.querySelectorAll('button[aria-label]');
    for (var b = 0; b < buttons.length; b++) buttons[b].title = buttons[b].getAttribute('aria-label');
    var canvas = viewer.canvas;
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-label', el.getAttribute('data-label') || '');
    canvas.setAttribute('aria-describedby', keys.id || '');
    el.viewer = viewer;
  }

  function absolute(path) {
    return new URL(path, window.location.href).href;
  }

  function dragLink(a) {
    var manifest = absolute(a.getAttribute('data-manifest'));
    // Viewers that predate content state read ?manifest= from the dropped address.
    var withParam = manifest + '?manifest=' + encodeURIComponent(manifest);
    a.href = withParam;
    a.addEventListener('dragstart', function (ev) {
      var dt = ev.dataTransfer;
      if (!dt) return;
      var state = { '@context': 'http://iiif.io/api/presentation/3/context.json', id: manifest, type: 'Manifest' };
      dt.setData('text/uri-list', manifest + '?iiif-content=' + encodeURIComponent(manifest) + '&manifest=' + encodeURIComponent(manifest));
      dt.setData('text/plain', withParam);
      dt.setData('application/json', JSON.stringify(state));
      dt.effectAllowed = 'copyLink';
    });
  }

  function start() {
    var viewers = document.querySelectorAll('.viewer[data-tile-sources]');
    for (var i = 0; i < viewers.length; i++) startViewer(viewers[i]);
    var links = document.querySelectorAll('a[data-manifest]');
    for (var j = 0; j < links.length; j++) dragLink(links[j]);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
