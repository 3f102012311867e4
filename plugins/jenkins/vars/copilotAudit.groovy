// copilotAudit: runs `copilot audit` on the workspace and writes its report
// (JSON by default) and, if asked, a CycloneDX SBOM. Fails the build when the
// audit cannot run. Parameters and examples: copilotAudit.txt.

@groovy.transform.Field
static final Map DEFAULTS = [
    path   : '.',
    format : 'json',
    output : 'copilot-audit.json',
    sbom   : null,
    args   : [],
    copilot: 'copilot',
]

def call(Map params = [:]) {
    def unknown = params.keySet() - DEFAULTS.keySet()
    if (unknown) {
        error("copilotAudit: unknown parameter(s) ${unknown.join(', ')}; known: ${DEFAULTS.keySet().join(', ')}")
    }
    Map p = DEFAULTS + params
    List<String> cmd = [p.copilot, 'audit', '--format', p.format, '-o', p.output ?: '-'].collect { it as String }
    if (p.sbom) cmd += ['--sbom', p.sbom as String]
    cmd += words(p.args)
    cmd << (p.path as String)
    int status = sh(script: shellCommand(cmd), returnStatus: true)
    if (status != 0) {
        error("copilot audit failed with exit status ${status} (2: usage or configuration error, 3: runtime error)")
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
