// Names as you type, on the search page's field. The page works without this script: it only
// offers people, places and archives whose names start with what was typed, in any script.
const input = document.querySelector('input[data-suggest]');

if (input) {
  const endpoint = input.getAttribute('data-suggest');
  const form = input.form;
  const list = document.createElement('ul');
  list.id = 'search-suggest';
  list.className = 'search-suggest';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', input.getAttribute('data-suggest-label') || '');
  list.hidden = true;
  input.parentElement.appendChild(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  let items = [];
  let active = -1;
  let timer = 0;
  let controller = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (i) => {
    active = i;
    for (const [k, li] of [...list.children].entries()) li.setAttribute('aria-selected', String(k === i));
    if (i >= 0) input.setAttribute('aria-activedescendant', `search-suggest-${i}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const choose = (i) => {
    const s = items[i];
    if (!s) return;
    input.value = s.label;
    close();
    form.requestSubmit();
  };

  const show = (suggestions) => {
    items = suggestions;
    list.replaceChildren();
    for (const [i, s] of suggestions.entries()) {
      const li = document.createElement('li');
      li.id = `search-suggest-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      const name = document.createElement('span');
      name.textContent = s.label;
      name.lang = s.lang;
      li.appendChild(name);
      if (s.matched) {
        const m = document.createElement('span');
        m.className = 'suggest-matched';
        m.textContent = s.matched;
        li.appendChild(m);
      }
      // mousedown, not click: the field would lose focus (and the list close) first.
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        choose(i);
      });
      list.appendChild(li);
    }
    if (suggestions.length === 0) return close();
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
  };

  const fetchSuggestions = async () => {
    const q = input.value.trim();
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(q);
    if ([...q].length < (cjk ? 1 : 2)) return close();
    controller?.abort();
    controller = new window.AbortController();
    try {
      const res = await fetch(`${endpoint}&q=${encodeURIComponent(q)}`, { signal: controller.signal, headers: { accept: 'application/json' } });
      if (!res.ok) return close();
      const body = await res.json();
      if (input.value.trim() === q) show(body.suggestions || []);
    } catch (err) {
      if (err.name !== 'AbortError') close();
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      highlight((active + 1) % items.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', close);
}
