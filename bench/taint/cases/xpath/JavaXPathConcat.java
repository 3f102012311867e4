// label: vulnerable xpath
import javax.servlet.http.HttpServletRequest;
import javax.xml.xpath.*;
import org.w3c.dom.Document;

public class JavaXPathConcat {
  private Document doc;

  public String login(HttpServletRequest req) throws XPathExpressionException {
    XPath xp = XPathFactory.newInstance().newXPath();
    String expr = "//user[name='" + req.getParameter("u") + "' and pass='" + req.getParameter("p") + "']";
    return xp.evaluate(expr, doc);
  }
}
