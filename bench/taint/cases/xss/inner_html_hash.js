// label: vulnerable xss
function renderTab() {
  const tab = decodeURIComponent(location.hash.slice(1));
  document.querySelector("#title").innerHTML = "<b>" + tab + "</b>";
}

window.addEventListener("hashchange", renderTab);
