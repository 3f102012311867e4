// copilotRelease: runs `copilot release` for one environment, keeps its events
// as a JSON-lines file, and fails the build when a gate failed (traffic is
// then back on the stable version) or the release could not run. A paused
// release (inconclusive analysis) fails the build too, unless onPause says to
// abort it. Parameters and examples: copilotRelease.txt.

@groovy.transform.Field
static final Map DEFAULTS = [
    environment: null,
    version    : null,
    strategy   : null,
    steps      : null,
    pause      : null,
    autoSteps  : false,
    waive      : [:],
    events     : 'copilot-release-events.jsonl',
    onPause    : 'fail',
    failBuild  : true,
    args       : [],
    copilot    : 'copilot',
]

def call(Map params = [:]) {
    def unknown = params.keySet() - DEFAULTS.keySet()
    if (unknown) {
        error("copilotRelease: unknown parameter(s) ${unknown.join(', ')}; known: ${DEFAULTS.keySet().join(', ')}")
    }
    Map p = DEFAULTS + params
    if (!p.environment || !p.version) error('copilotRelease: environment and version are required')
    if (!(p.onPause in ['fail', 'abort'])) error("copilotRelease: onPause is 'fail' or 'abort', not '${p.onPause}'")

    List<String> cmd = [p.copilot, 'release', '--env', p.environment, '--version', p.version].collect { it as String }
    if (p.strategy) cmd += ['--strategy', p.strategy as String]
    if (p.steps) cmd += ['--steps', (p.steps instanceof List ? p.steps.join(',') : p.steps) as String]
    if (p.pause) cmd += ['--pause', p.pause as String]
    if (p.autoSteps) cmd << '--auto-steps'
    (p.waive ?: [:]).each { gate, reason -> cmd += ['--waive', "${gate}=${reason}" as String] }
    if (p.events) cmd += ['--events', p.events as String]
    cmd += words(p.args)

    int status = sh(script: shellCommand(cmd), returnStatus: true)
    if (status == 4 && p.onPause == 'abort') {
        List<String> abort = [p.copilot, 'release', 'abort', '--env', p.environment,
                              '--reason', 'inconclusive analysis in Jenkins build'].collect { it as String }
        if (p.events) abort += ['--events', p.events as String]
        int aborted = sh(script: shellCommand(abort), returnStatus: true)
        if (aborted != 0) error("copilot release abort failed with exit status ${aborted}")
    }
    String message = [
        1: "copilot release: a gate failed for ${p.version} in ${p.environment}; traffic is back on the stable version",
        4: p.onPause == 'abort' ? "copilot release: the analysis was inconclusive; the release was aborted and rolled back"
                                : "copilot release: paused on an inconclusive analysis; run `copilot release resume` or `abort` for ${p.environment}",
    ][status]
    if (status == 2 || status == 3) {
        error("copilot release failed with exit status ${status} (2: usage or configuration error, nothing changed; 3: runtime error)")
    }
    if (message) {
        if (p.failBuild) error(message)
        echo(message)
    }
    return status
}

// Extra arguments: a list, or a string split on whitespace.
private List<String> words(args) {
    if (!args) return []
    (args instanceof List ? args : (args as String).tokenize()).collect { it as String }
}

// Each word single-quoted for sh, so file names and arguments stay whole.
private String shellCommand(List<String> words) {
    words.collect { "'" + it.replace("'", "'\"'\"'") + "'" }.join(' ')
}
