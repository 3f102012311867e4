// Runs the Jenkins shared library outside Jenkins, in one JVM:
//   groovy jenkins_steps.groovy LIBRARY_DIR SCENARIOS_JSON OUT_DIR [PIPELINE_FILE...]
// 1. Every vars/*.groovy compiles; every pipeline file parses (syntax only: its
//    @Library annotation and steps exist only inside Jenkins).
// 2. Each scenario calls one step (vars/<step>.groovy) with its parameters, in
//    its directory, with the pipeline steps it uses bound as Jenkins runs them:
//    sh really runs `sh -xe -c SCRIPT` (returnStatus/returnStdout as Jenkins),
//    env is the build's environment, echo logs, error aborts the step.
// Results go to OUT_DIR/<scenario>.{status,error,log,commands}; the test that
// calls this checks them. "parse: ok|FAIL file" lines go to stdout.
import groovy.json.JsonSlurper
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.Phases

class StepAborted extends RuntimeException {
    StepAborted(String message) { super(message) }
}

def (libraryDir, scenariosFile, outDir) = args[0..2].collect { new File(it) }
def pipelines = args.length > 3 ? args[3..-1].collect { new File(it) } : []
outDir.mkdirs()

boolean allParsed = true
new File(libraryDir, 'vars').eachFileMatch(~/.*\.groovy/) { file ->
    try {
        new GroovyShell().parse(file)
        println "parse: ok ${file}"
    } catch (Exception e) {
        allParsed = false
        println "parse: FAIL ${file}: ${e.message}"
    }
}
pipelines.each { file ->
    try {
        def unit = new CompilationUnit(new CompilerConfiguration())
        unit.addSource(file)
        unit.compile(Phases.CONVERSION)
        println "parse: ok ${file}"
    } catch (Exception e) {
        allParsed = false
        println "parse: FAIL ${file}: ${e.message}"
    }
}

new JsonSlurper().parse(scenariosFile).each { scenario ->
    def log = new StringBuilder()
    def commands = new StringBuilder()
    def workDir = new File(scenario.dir)
    Map<String, String> env = [:] + (scenario.env ?: [:])

    def binding = new Binding()
    binding.setVariable('env', env)
    binding.setVariable('echo', { String message -> log << message << '\n' })
    binding.setVariable('error', { String message -> throw new StepAborted(message) })
    binding.setVariable('sh', { arg ->
        Map step = arg instanceof Map ? arg : [script: arg]
        commands << step.script << '\n'
        def builder = new ProcessBuilder('sh', '-xe', '-c', step.script as String).directory(workDir)
        builder.environment().putAll(env)
        if (!step.returnStdout) builder.redirectErrorStream(true)
        def process = builder.start()
        def stderr = new StringBuilder()
        if (step.returnStdout) process.consumeProcessErrorStream(stderr)
        String stdout = process.inputStream.getText('UTF-8')
        int code = process.waitFor()
        log << (step.returnStdout ? stderr : stdout)
        if (step.returnStatus) return code
        if (code != 0) throw new StepAborted("script returned exit code ${code}")
        return step.returnStdout ? stdout : null
    })

    def status = '', failure = ''
    try {
        def step = new GroovyShell(binding).parse(new File(libraryDir, "vars/${scenario.step}.groovy"))
        status = String.valueOf(step.call(scenario.params ?: [:]))
    } catch (StepAborted e) {
        failure = e.message
    }
    new File(outDir, "${scenario.name}.status").text = status
    new File(outDir, "${scenario.name}.error").text = failure
    new File(outDir, "${scenario.name}.log").text = log.toString()
    new File(outDir, "${scenario.name}.commands").text = commands.toString()
}
System.exit(allParsed ? 0 : 1)
