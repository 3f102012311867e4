from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from markupsafe import Markup


def user_badge(user):
    return format_html("<span class='badge'>{}</span>", user.display_name)


def comment_html(comment):
    return Markup("<p>{}</p>").format(comment.body)


def separator():
    return mark_safe("<hr>")


def escaped(text):
    return mark_safe(escape(text))
