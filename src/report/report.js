// meelezer report: clicking a fact's ↗ highlights its place in the text; on load the page counts
// its highlighted entities and fact rows onto <body> and sets data-ready, for headless checks.
(function () {
  'use strict';
  var lit = [];
  var active = null;
  function light(id) {
    lit.forEach(function (el) { el.classList.remove('flash'); });
    lit = Array.prototype.slice.call(document.getElementsByClassName(id));
    lit.forEach(function (el) { el.classList.add('flash'); });
  }
  document.addEventListener('click', function (ev) {
    var link = ev.target.closest ? ev.target.closest('a[data-ev]') : null;
    if (!link) { return; }
    light(link.getAttribute('data-ev'));
    if (active) { active.classList.remove('active'); }
    active = link.closest('tr');
    if (active) { active.classList.add('active'); }
  });
  if (location.hash.length > 1 && document.getElementsByClassName(location.hash.slice(1)).length) {
    light(location.hash.slice(1));
  }
  var entities = {};
  Array.prototype.forEach.call(document.querySelectorAll('[data-e]'), function (el) {
    entities[el.getAttribute('data-e')] = true;
  });
  var body = document.body;
  body.setAttribute('data-entities', String(Object.keys(entities).length));
  body.setAttribute('data-fact-rows', String(document.querySelectorAll('tr.fact').length));
  body.setAttribute('data-ready', 'ok');
})();
