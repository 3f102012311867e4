from django.utils.safestring import mark_safe
from markupsafe import Markup


def user_badge(user):
    # expect: py-mark-safe-nonliteral
    return mark_safe(f"<span class='badge'>{user.display_name}</span>")


def comment_html(comment):
    # expect: py-mark-safe-nonliteral
    return Markup(comment.body)


def link(url, label):
    # expect: py-mark-safe-nonliteral
    return mark_safe('<a href="%s">%s</a>' % (url, label))


def bio(profile):
    # expect: py-mark-safe-nonliteral
    return mark_safe("<p>{}</p>".format(profile.bio))
