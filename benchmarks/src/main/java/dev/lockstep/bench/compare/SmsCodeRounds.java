package dev.lockstep.bench.compare;

import dev.lockstep.bench.SmsCodeLogin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lockstep alone, after its password rounds: sign-ins with an SMS code (password, the code's delivery to
 * the virtual phone, its verify), each round {@code seconds} long after a warm-up of the same length:
 * one client, four clients (their rate against the password-only rate), and paced at 10 a second (the
 * code's delivery under a steady load).
 */
final class SmsCodeRounds {

    /** Handsets: four for the closed loops, enough to keep 10 a second going while some wait for their code. */
    private static final int HANDSETS = 12;

    /** The steady load whose delivery times the target names. */
    static final double PACED_PER_SECOND = 10;

    private SmsCodeRounds() {
    }

    /** One start's rounds; prints each and hands them to {@code report}. */
    static void run(LockstepTarget target, int start, double seconds, CompareReport report) throws Exception {
        SmsCodeLogin signIns = new SmsCodeLogin(target.client(), "benchmark sms password");
        List<SmsCodeLogin.Handset> handsets = new ArrayList<>();
        for (int i = 0; i < HANDSETS; i++) {
            handsets.add(signIns.newAccount());
        }
        SmsCodeLoad.closedLoop(handsets, 4, seconds); // warm-up: the code's path is new to the JIT
        Map<String, Duration> before = target.cpu();
        SmsCodeLoad.Round one = SmsCodeLoad.closedLoop(handsets, 1, seconds);
        CpuSpent spent = CpuSpent.between(before, target.cpu());
        double cpuPerLogin = spent.totalMillis() / one.logins();
        SmsCodeLoad.Round four = SmsCodeLoad.closedLoop(handsets, 4, seconds);
        SmsCodeLoad.Round paced = SmsCodeLoad.paced(handsets, PACED_PER_SECOND, seconds);
        report.addSms(new CompareReport.SmsSample(one.loginsPerSecond(), four.loginsPerSecond(), cpuPerLogin,
                one.delivery().ms(50), one.delivery().ms(99), paced.loginsPerSecond(), paced.delivery().ms(50),
                paced.delivery().ms(99)));
        String name = target.name();
        System.out.printf(Locale.ROOT, "%-16s start %d, SMS-code logins, 1 client : %5.1f logins/s, CPU per login %.1f ms "
                + "(ms by process: %s), code delivery p50 %.1f ms, p99 %.1f ms%n", name, start, one.loginsPerSecond(),
                cpuPerLogin, spent.millisEach(one.logins()), one.delivery().ms(50), one.delivery().ms(99));
        System.out.printf(Locale.ROOT, "%-16s start %d, SMS-code logins, 4 clients: %5.1f logins/s, code delivery p50 %.1f ms, "
                + "p99 %.1f ms%n", name, start, four.loginsPerSecond(), four.delivery().ms(50), four.delivery().ms(99));
        System.out.printf(Locale.ROOT, "%-16s start %d, SMS-code logins paced at %.0f/s: %5.1f done a second, code delivery "
                + "p50 %.1f ms, p99 %.1f ms, %d starts found no free handset%n", name, start, PACED_PER_SECOND,
                paced.loginsPerSecond(), paced.delivery().ms(50), paced.delivery().ms(99), paced.missed());
    }
}
