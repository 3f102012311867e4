import DOMPurify from "dompurify";

function renderComment(list, comment) {
  const item = document.createElement("li");
  item.textContent = `${comment.author}: ${comment.body}`;
  list.appendChild(item);
}

function clear(box) {
  box.innerHTML = "";
  box.innerHTML = `<p class="empty">Nothing here yet</p>`;
}

function preview(box, html) {
  box.innerHTML = DOMPurify.sanitize(html);
  box.insertAdjacentHTML("beforeend", "<hr>");
}

function footer() {
  document.write("<footer>static</footer>");
  const html = box.innerHTML;
  return html;
}

export { renderComment, clear, preview, footer };
