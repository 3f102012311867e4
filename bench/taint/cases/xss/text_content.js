// label: safe xss
function renderTab() {
  const tab = decodeURIComponent(location.hash.slice(1));
  document.querySelector("#title").textContent = tab;
}

window.addEventListener("hashchange", renderTab);
