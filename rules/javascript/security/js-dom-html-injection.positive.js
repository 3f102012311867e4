function renderComment(list, comment) {
  const item = document.createElement("li");
  // expect: js-dom-html-injection
  item.innerHTML = `<b>${comment.author}</b>: ${comment.body}`;
  list.appendChild(item);
}

function showError(params) {
  const box = document.getElementById("error");
  // expect: js-dom-html-injection
  box.innerHTML = params.get("msg");
}

function appendRow(table, html) {
  // expect: js-dom-html-injection
  table.innerHTML += html;
  // expect: js-dom-html-injection
  table.insertAdjacentHTML("beforeend", "<tr><td>" + html + "</td></tr>");
}

function banner() {
  // expect: js-dom-html-injection, js-taint-xss
  document.write("<p>Welcome " + location.hash.slice(1) + "</p>");
}

export { renderComment, showError, appendRow, banner };
