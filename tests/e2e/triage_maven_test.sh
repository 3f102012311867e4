#!/usr/bin/env bash
# copilot triage on the log of a real Maven build, run offline against Debian's
# repository (/usr/share/maven-repo): one module with failing JUnit tests
# (surefire), one that does not compile (maven-compiler-plugin / javac).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/triage_lib.sh"
need mvn javac
repository=/usr/share/maven-repo
for artifact in org/apache/maven/plugins/maven-surefire-plugin/2.22.3 \
  org/apache/maven/plugins/maven-compiler-plugin/3.10.1 org/apache/maven/plugins/maven-resources-plugin/3.3.0 \
  junit/junit/4.x; do
  [ -d "$repository/$artifact" ] || { fail "$repository/$artifact is missing (scripts/install-test-deps.sh)"; finish; exit 1; }
done

repo="$SCRATCH/jvm"
new_repo "$repo"
mkdir -p "$repo/calc/src/main/java/demo" "$repo/calc/src/test/java/demo" "$repo/lib/src/main/java/demo/lib"
cat >"$repo/pom.xml" <<'XML'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>demo</groupId>
  <artifactId>parent</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <modules><module>calc</module><module>lib</module></modules>
  <properties>
    <maven.compiler.source>17</maven.compiler.source>
    <maven.compiler.target>17</maven.compiler.target>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <build>
    <pluginManagement>
      <plugins>
        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.0</version></plugin>
        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.10.1</version></plugin>
        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>2.22.3</version></plugin>
      </plugins>
    </pluginManagement>
  </build>
</project>
XML
module_pom() {  # module_pom NAME
  cat <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent><groupId>demo</groupId><artifactId>parent</artifactId><version>1.0</version></parent>
  <artifactId>$1</artifactId>
  <dependencies>
    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.x</version><scope>test</scope></dependency>
  </dependencies>
</project>
XML
}
module_pom calc >"$repo/calc/pom.xml"
module_pom lib >"$repo/lib/pom.xml"
cat >"$repo/calc/src/main/java/demo/Calc.java" <<'JAVA'
package demo;

public class Calc {
  public static int add(int a, int b) {
    return a - b;
  }
}
JAVA
cat >"$repo/calc/src/test/java/demo/CalcTest.java" <<'JAVA'
package demo;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class CalcTest {
  @Test
  public void addsTwoNumbers() {
    assertEquals(5, Calc.add(2, 3));
  }

  @Test
  public void crashes() {
    throw new IllegalStateException("boom");
  }

  @Test
  public void works() {
    assertEquals(1, Calc.add(1, 0));
  }
}
JAVA
cat >"$repo/lib/src/main/java/demo/lib/Broken.java" <<'JAVA'
package demo.lib;

public class Broken {
  public static int value() {
    return missing;
  }
}
JAVA
commit_all "$repo" "jvm"

# -fae: both modules fail in one run; forkCount=0 keeps the tests in Maven's JVM (seconds faster).
run_tool 1 "$SCRATCH/maven.log" env -C "$repo" mvn -o -B -fae -Dmaven.repo.local="$repository" -DforkCount=0 test
triage_json "$SCRATCH/maven.json" -C "$repo" "$SCRATCH/maven.log"
r=$SCRATCH/maven.json
expect_report "assertion failure" "$r" has kind=test_failure tool=maven test=demo.CalcTest.addsTwoNumbers \
  file=calc/src/test/java/demo/CalcTest.java linked=true line=10 "message~expected:<5> but was:<-1>"
expect_report "exception is a test error" "$r" has kind=test_error tool=maven test=demo.CalcTest.crashes \
  file=calc/src/test/java/demo/CalcTest.java line=15 "message=java.lang.IllegalStateException: boom"
expect_report "compile error" "$r" has kind=compile_error tool=javac file=lib/src/main/java/demo/lib/Broken.java \
  linked=true line=5 "message=cannot find symbol" "detail~symbol:   variable missing"
expect_report "each failure once (report, summary and goal repeat them)" "$r" eval \
  'r["summary"]["failures"] == 3 and r["logs"][0]["tools"] == ["maven"]'
expect_report "passing test absent" "$r" lacks "test~works"
expect_exit "report validates" 0 node "$SOURCE_DIR/tests/tools/validate_json_schema.js" \
  "$SOURCE_DIR/schemas/triage.schema.json" "$r"
finish
