function showResults(query, items) {
  // expect: js-jquery-html-injection
  $("#title").html("Results for " + query);
  const $list = $("#results");
  items.forEach((item) => {
    // expect: js-jquery-html-injection
    $list.append(`<li class="item">${item.name}</li>`);
  });
}

function showMessage() {
  const params = new URLSearchParams(window.location.search);
  // expect: js-jquery-html-injection, js-taint-xss
  jQuery(".flash").html(params.get("msg"));
}

export { showResults, showMessage };
