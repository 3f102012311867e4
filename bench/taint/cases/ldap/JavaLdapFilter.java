// label: vulnerable ldap
import javax.naming.directory.*;
import javax.servlet.http.HttpServletRequest;

public class JavaLdapFilter {
  private DirContext ctx;

  public Object find(HttpServletRequest req) throws javax.naming.NamingException {
    return ctx.search("dc=example,dc=com", "(mail=" + req.getParameter("mail") + ")", new SearchControls());
  }
}
