// The local page: send a dropped file or the text box's text to this computer's lawcheck, show the report's
// page it answers with, and offer it (and the commented .docx) for download.  Nothing is stored in the
// browser either: no cookies, no localStorage; the report lives in this page's memory until it is closed.
'use strict';
(function () {
  var ui = JSON.parse(document.getElementById('ui').textContent);
  var $ = function (id) { return document.getElementById(id); };
  var paste = $('paste'), fileInput = $('file'), report = $('report'), status = $('status'), errorBox = $('error');
  var origin = $('origin'), dlHtml = $('dl-html'), dlDocx = $('dl-docx');
  var DEBOUNCE_MS = 300;
  var seq = 0;          // the number of the latest check asked for
  var inflight = null;  // its AbortController
  var timer = null;
  var shown = null;     // {page, name}: the report on screen, for the downloads
  var file = null;      // the dropped file, while the text box still holds what was read from it
  var fileText = null;
  var fileName = null;  // the name of the file the text box's text was read from (also once edited)
  var shownStatus = ''; // the status line of the report on screen (restored when a later check fails)
  var placeholder = Array.prototype.slice.call(report.childNodes);  // what the result shows before any check

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function human(n) {
    if (n >= 1048576) return (n / 1048576).toFixed(1) + ' MB';
    if (n >= 1024) return Math.round(n / 1024) + ' KB';
    return n + ' B';
  }
  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = !text;
  }
  function stem(name) {
    var s = (name || ui.pasted_stem).replace(/\.[^.]*$/, '');
    return s || ui.pasted_stem;
  }

  function post(url, body, name, signal) {
    return fetch(url + (name ? '?name=' + encodeURIComponent(name) : ''), {
      method: 'POST', body: body, signal: signal, cache: 'no-store', credentials: 'same-origin',
      headers: {'Content-Type': name ? 'application/octet-stream' : 'text/plain;charset=utf-8'}
    });
  }
  function reply(r) {
    return r.json().then(function (j) { return {ok: r.ok, status: r.status, j: j}; },
                         function () { return {ok: false, status: r.status, j: {error: r.statusText}}; });
  }

  // One check: earlier ones still running are cancelled, and an answer to any but the latest is dropped, so
  // a slow answer can never replace a newer one on screen.
  function check(body, name) {
    var mine = ++seq;
    if (inflight) inflight.abort();
    var ctl = new AbortController();
    inflight = ctl;
    report.classList.add('busy');
    report.setAttribute('aria-busy', 'true');
    var t0 = performance.now();
    return post('/api/check', body, name, ctl.signal).then(reply).then(function (res) {
      if (mine !== seq) return null;
      if (!res.ok) {
        var error = res.j.error || res.status;
        showError(name ? fill(ui.failed_file, {name: name, error: error}) : fill(ui.failed, {error: error}));
        status.textContent = shownStatus;  // not "checking…" for ever: the report still shown is the last one
        return null;
      }
      showError('');
      show(res.j, name, Math.round(performance.now() - t0));
      return res.j;
    }).catch(function (e) {
      if (mine === seq && e.name !== 'AbortError') {
        showError(ui.network);
        status.textContent = shownStatus;
      }
      return null;
    }).finally(function () {
      if (mine === seq) {
        report.classList.remove('busy');
        report.removeAttribute('aria-busy');
        inflight = null;
      }
    });
  }

  // The report's own page, as `lawcheck check --format html` writes it: its <main> is shown here (parsed,
  // never run; its script is report.js, already loaded) and the whole page is what "download" saves.
  function show(answer, name, ms) {
    // Only <main> is parsed: the page's <style> would be refused by this page's Content-Security-Policy
    // (its rules are report.css here), and all its text is escaped, so "<main" and "</main>" are its own.
    var page = answer.page;
    var body = page.slice(page.indexOf('<main'), page.lastIndexOf('</main>') + 7);
    var doc = new DOMParser().parseFromString(body, 'text/html');
    var main = doc.querySelector('main');
    var frag = document.createDocumentFragment();
    while (main && main.firstChild) frag.appendChild(document.adoptNode(main.firstChild));
    report.replaceChildren(frag);
    report.setAttribute('data-score', answer.score === null ? '' : answer.score);
    status.textContent = answer.summary + ' · ' + fill(ui.took, {ms: ms});
    shownStatus = status.textContent;
    shown = {page: answer.page, name: name};
    dlHtml.disabled = false;
    dlDocx.disabled = false;
  }

  function checkFile(f) {
    if (!f) return;
    if (f.size > ui.max_bytes) {
      showError(fill(ui.failed_file, {name: f.name,
                                      error: fill(ui.too_big, {size: human(f.size), limit: human(ui.max_bytes)})}));
      return;
    }
    clearTimeout(timer);
    status.textContent = ui.checking;
    check(f, f.name).then(function (answer) {
      if (!answer) return;
      file = f;
      fileText = answer.text;
      fileName = f.name;
      paste.value = answer.text;
      origin.textContent = fill(ui.from_file, {name: f.name});
      origin.hidden = false;
    });
  }

  // An empty text box: back to the page as it opened (no report of a text no longer there to download).
  function clear() {
    ++seq;
    if (inflight) inflight.abort();
    report.replaceChildren.apply(report, placeholder);
    report.removeAttribute('data-score');
    status.textContent = shownStatus = '';
    showError('');
    shown = null;
    dlHtml.disabled = true;
    dlDocx.disabled = true;
    fileName = null;
    origin.hidden = true;
  }

  function checkText() {
    var text = paste.value;
    if (!text.trim()) {
      clear();
      return;
    }
    check(text, null);
  }

  paste.addEventListener('input', function () {
    if (file && paste.value !== fileText) {  // edited: from now on the text is what is checked
      file = null;
      fileText = null;
      // Said, not just hidden: the commented .docx is now a new document made from this text, without the
      // dropped file's own layout.
      origin.textContent = fill(ui.edited, {name: fileName});
    }
    clearTimeout(timer);
    timer = setTimeout(checkText, DEBOUNCE_MS);
  });

  $('pick').addEventListener('click', function () { fileInput.click(); });
  fileInput.addEventListener('change', function () {
    checkFile(fileInput.files[0]);
    fileInput.value = '';
  });

  // A file dropped anywhere on the page is checked (the browser would otherwise open it in place of the page).
  var depth = 0;
  document.addEventListener('dragenter', function (e) {
    e.preventDefault();
    depth++;
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', function () {
    depth = Math.max(0, depth - 1);
    if (!depth) document.body.classList.remove('dragging');
  });
  document.addEventListener('dragover', function (e) { e.preventDefault(); });
  document.addEventListener('drop', function (e) {
    e.preventDefault();
    depth = 0;
    document.body.classList.remove('dragging');
    var dt = e.dataTransfer;
    if (dt.files && dt.files.length) {
      checkFile(dt.files[0]);
    } else if (e.target !== paste && dt.getData('text/plain')) {
      paste.value = dt.getData('text/plain');
      paste.dispatchEvent(new Event('input'));
    }
  });

  function save(blob, name) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }

  dlHtml.addEventListener('click', function () {
    if (!shown) return;
    save(new Blob([shown.page], {type: 'text/html;charset=utf-8'}), stem(shown.name) + ui.html_suffix);
  });

  dlDocx.addEventListener('click', function () {
    if (!shown) return;
    var body = file || paste.value;
    var name = file ? file.name : null;
    post('/api/docx', body, name).then(function (r) {
      if (r.ok) return r.blob().then(function (b) { showError(''); save(b, stem(name) + ui.docx_suffix); });
      return reply(r).then(function (res) { showError(fill(ui.failed, {error: res.j.error || res.status})); });
    }).catch(function () { showError(ui.network); });
  });
})();
