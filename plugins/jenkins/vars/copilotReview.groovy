// copilotReview: runs `copilot review` on the workspace, writes SARIF and JUnit
// reports, and fails the build when a finding trips the severity gate.
// Parameters and examples: copilotReview.txt.

@groovy.transform.Field
static final Map DEFAULTS = [
    failOn       : 'high',
    sarif        : 'copilot.sarif',
    junit        : 'copilot-junit.xml',
    format       : null,
    output       : null,
    baseline     : null,
    minConfidence: null,
    base         : null,
    fetchTarget  : true,
    args         : [],
    copilot      : 'copilot',
    failBuild    : true,
]

def call(Map params = [:]) {
    def unknown = params.keySet() - DEFAULTS.keySet()
    if (unknown) {
        error("copilotReview: unknown parameter(s) ${unknown.join(', ')}; known: ${DEFAULTS.keySet().join(', ')}")
    }
    Map p = DEFAULTS + params
    if ((p.format == null) != (p.output == null)) {
        error('copilotReview: give format and output together')
    }

    List<String> review = [p.copilot, 'review']
    String base = baseRevision(p)
    if (base) review += ['--base', base]
    if (p.baseline) review += ['--baseline', p.baseline as String]
    if (p.minConfidence != null) review += ['--min-confidence', p.minConfidence as String]
    review += words(p.args)

    // copilot writes one format per run; the first report carries the gate.
    List<List<String>> reports = [['sarif', p.sarif], ['junit', p.junit], [p.format, p.output]].findAll { it[1] }
    if (!reports) reports = [['text', '-']]
    int status = -1
    for (List<String> report : reports) {
        List<String> cmd = review + ['--format', report[0], '-o', report[1] as String,
                                     '--fail-on', status < 0 ? (p.failOn ?: 'none') as String : 'none']
        int code = sh(script: shellCommand(cmd), returnStatus: true)
        if (code >= 2 || (status >= 0 && code != 0)) {
            error("copilot review failed with exit status ${code} (2: usage or configuration error, 3: runtime error)")
        }
        if (status < 0) status = code
    }
    if (status == 1) {
        String message = "copilot review: findings at or above '${p.failOn}' (reports: ${reports.collect { it[1] }.join(', ')})"
        if (p.failBuild) error(message)
        echo(message)
    }
    return status
}

// An explicit base wins; on a multibranch pull request the target branch is
// fetched (a PR checkout often has only the merge commit) and compared against.
private String baseRevision(Map p) {
    if (p.base) return p.base as String
    if (!env.CHANGE_TARGET) return null
    String target = env.CHANGE_TARGET
    if (p.fetchTarget) {
        String refspec = "+refs/heads/${target}:refs/remotes/origin/${target}"
        if (sh(script: shellCommand(['git', 'fetch', '--no-tags', '--quiet', 'origin', refspec]), returnStatus: true) != 0) {
            echo("copilotReview: could not fetch origin/${target}; using what the checkout has")
        }
    }
    return "origin/${target}"
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
