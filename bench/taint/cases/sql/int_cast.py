# label: safe sql
from django.db import connection
from django.http import HttpResponse

def delete_note(request):
    note_id = int(request.POST["note_id"])
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM notes WHERE id = %d" % note_id)
    return HttpResponse(status=204)
