// label: safe ldap
import javax.naming.directory.*;
import javax.servlet.http.HttpServletRequest;

public class JavaLdapArgs {
  private DirContext ctx;

  public Object find(HttpServletRequest req) throws javax.naming.NamingException {
    return ctx.search("dc=example,dc=com", "(mail={0})", new Object[] {req.getParameter("mail")}, new SearchControls());
  }
}
