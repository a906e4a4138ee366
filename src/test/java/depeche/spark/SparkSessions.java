package depeche.spark;

import depeche.testing.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of the tests: local mode with two task threads of one CPU each (so a job of two chunks runs
 * two tasks at once, in one executor JVM), no UI, two shuffle partitions, bound to the loopback address; one per
 * test class.
 */
final class SparkSessions {
    private SparkSessions() {
    }

    static SparkSession local(Path scratch) {
        return SparkSession.builder()
                .master("local[2]")
                .appName("depeche-test")
                .config("spark.ui.enabled", false)
                .config("spark.ui.showConsoleProgress", false)
                .config("spark.task.cpus", 1)
                .config("spark.sql.shuffle.partitions", 2)
                .config("spark.default.parallelism", 2)
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.local.dir", scratch.resolve("spark-local").toString())
                .config("spark.sql.warehouse.dir", scratch.resolve("spark-warehouse").toString())
                .getOrCreate();
    }

    /** Runs the Spark entry point in {@code spark} and captures what it prints, as {@link Cli#run} does for run. */
    static Cli.Result run(SparkSession spark, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkRun.commandLine(() -> spark)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Cli.Result(code, out.toString(), err.toString());
    }
}
