function showResults(query, items) {
  $("#title").text("Results for " + query);
  const $list = $("#results");
  items.forEach((item) => {
    $list.append($("<li>").addClass("item").text(item.name));
  });
  $("#count").html("<b>done</b>");
}

function showMessage(html) {
  $(".flash").html(DOMPurify.sanitize(html));
  const current = $(".flash").html();
  return current;
}

export { showResults, showMessage };
