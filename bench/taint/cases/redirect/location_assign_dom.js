// label: vulnerable redirect
const params = new URLSearchParams(location.search);
const target = params.get("return");
if (target) {
  window.location = target;
}
