import React from "react";
import DOMPurify from "dompurify";

export function Comment({ comment }) {
  return <p>{comment.body}</p>;
}

export function Article({ html }) {
  return <article dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;
}

export function Spacer() {
  return <span dangerouslySetInnerHTML={{ __html: "&nbsp;" }} />;
}
