// Parses Groovy files (Jenkinsfiles) for syntax only, all in one JVM start:
//   groovy tests/tools/parse_groovy.groovy FILE...
// Stops at the conversion phase, so pipeline steps and @Library need not
// resolve. Prints each syntax error as FILE:LINE:COLUMN: MESSAGE; exits 1 on any.
import org.codehaus.groovy.control.CompilationFailedException
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.Phases
import org.codehaus.groovy.control.messages.SyntaxErrorMessage

if (!args) {
  System.err.println('usage: parse_groovy.groovy FILE...')
  System.exit(2)
}
int failed = 0
for (String path : args) {
  def unit = new CompilationUnit()
  unit.addSource(new File(path))
  try {
    unit.compile(Phases.CONVERSION)
    println("ok   ${path}")
  } catch (CompilationFailedException e) {
    failed++
    def errors = unit.errorCollector.errors ?: []
    if (!errors) System.err.println("${path}: ${e.message}")
    errors.each { m ->
      if (m instanceof SyntaxErrorMessage) {
        def c = m.cause
        System.err.println("${path}:${c.line}:${c.startColumn}: ${c.originalMessage}")
      } else {
        System.err.println("${path}: ${m}")
      }
    }
  }
}
println("${args.length - failed}/${args.length} parse")
System.exit(failed ? 1 : 0)
