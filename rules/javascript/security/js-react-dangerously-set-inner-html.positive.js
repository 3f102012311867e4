import React from "react";

export function Comment({ comment }) {
  // expect: js-react-dangerously-set-inner-html
  return <p className="comment" dangerouslySetInnerHTML={{ __html: comment.body }} />;
}

export function Bio({ profile }) {
  const markup = { __html: profile.bioHtml };
  // expect: js-react-dangerously-set-inner-html
  return <section dangerouslySetInnerHTML={markup} />;
}

export function Notice({ text }) {
  return React.createElement("div", {
    // expect: js-react-dangerously-set-inner-html
    dangerouslySetInnerHTML: { __html: "<b>" + text + "</b>" },
  });
}
