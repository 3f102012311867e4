// label: vulnerable sql
import javax.persistence.EntityManager;
import javax.servlet.http.HttpServletRequest;

public class JavaBuilderQuery {
  private EntityManager em;

  public Object find(HttpServletRequest request) {
    StringBuilder q = new StringBuilder("SELECT p FROM Product p WHERE p.name = '");
    q.append(request.getParameter("name")).append("'");
    return em.createQuery(q.toString()).getResultList();
  }
}
