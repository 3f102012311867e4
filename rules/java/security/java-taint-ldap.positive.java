import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.servlet.http.HttpServletRequest;

public class Directory {
  private DirContext ctx;

  public NamingEnumeration<SearchResult> find(HttpServletRequest request) throws NamingException {
    // expect: java-ldap-injection
    String filter = "(uid=" + request.getParameter("user") + ")";
    // expect: java-taint-ldap
    return ctx.search("ou=people,dc=example,dc=com", filter, new SearchControls());
  }
}
