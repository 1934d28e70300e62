/** Fails on purpose: the demo's optional service, showing that its failure does not block the stack. */
public class Mailer {
    public static void main(String[] args) {
        String smtp = System.getenv("SMTP_URL");
        if (smtp == null) {
            System.err.println("mailer: SMTP_URL is not set; no mail server in this demo, so I give up");
            System.exit(1);
        }
        System.out.println("mailer: would send mail through " + smtp);
    }
}
