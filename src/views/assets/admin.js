// Drag and drop for the order of items in a section. Without it, the up/down buttons work;
// with it, dragging reorders the hidden inputs the form sends. Alt+Arrow keys move the focused item.
(() => {
  for (const list of document.querySelectorAll('ol[data-reorder]')) {
    let dragged = null;
    list.addEventListener('dragstart', (e) => {
      dragged = e.target.closest('li');
      if (dragged) dragged.classList.add('dragging');
    });
    list.addEventListener('dragend', () => {
      if (dragged) dragged.classList.remove('dragging');
      dragged = null;
    });
    list.addEventListener('dragover', (e) => {
      if (!dragged) return;
      e.preventDefault();
      const over = e.target.closest('li');
      if (!over || over === dragged || over.parentElement !== list) return;
      const box = over.getBoundingClientRect();
      list.insertBefore(dragged, e.clientY < box.top + box.height / 2 ? over : over.nextSibling);
    });
    list.addEventListener('keydown', (e) => {
      if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      const li = e.target.closest('li');
      if (!li) return;
      e.preventDefault();
      if (e.key === 'ArrowUp' && li.previousElementSibling) list.insertBefore(li, li.previousElementSibling);
      if (e.key === 'ArrowDown' && li.nextElementSibling) list.insertBefore(li.nextElementSibling, li);
      e.target.focus();
    });
  }
})();
