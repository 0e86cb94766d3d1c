package org.havewemet.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.havewemet.app.server.ServerSettings;
import org.havewemet.bench.InvitationMails.Person;
import org.havewemet.bench.MimeRenderer.Draft;

/**
 * The layouts of the invitation notices {@link InvitationMails} writes, modelled on the real notices in the mailet's
 * fixtures (triage/src/test/resources/fixtures): same header markers, same default sentences, same footers. A
 * {@code null} note means the platform's default sentence.
 */
final class InvitationLayouts {
    static final String RECIPIENT = "dana@" + ServerSettings.DEFAULT_DOMAIN;
    private static final String FIRST = InvitationMails.RECIPIENT_NAME.split(" ")[0];

    private static final Map<String, String[]> LINKEDIN_2016 = Map.of(
        "en", new String[] {"Hi", "I'd like to add you to my professional network on LinkedIn."},
        "fr", new String[] {"Bonjour", "Je souhaiterais faire partie de votre réseau LinkedIn."},
        "de", new String[] {"Hallo", "Ich möchte Sie zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen."},
        "es", new String[] {"Hola", "Me gustaría añadirte a mi red profesional en LinkedIn."},
        "it", new String[] {"Ciao", "Vorrei aggiungerti alla mia rete professionale su LinkedIn."},
        "pt", new String[] {"Olá", "Gostaria de participar da sua rede no LinkedIn."});

    private InvitationLayouts() {
    }

    static Draft linkedIn2024(Person who, String note, Instant date, String id, int mutual) {
        String body = "Hi " + FIRST + ",\n\n" + (note == null ? who.name() + " wants to connect" : note) + "\n\n"
            + who.name() + "\n" + who.headline() + "\n" + who.city() + "\n" + mutual + " mutual connections\n\n"
            + "Accept: https://www.linkedin.com/comm/mynetwork/discovery-see-all?usecase=PEOPLE_FOLLOWS"
            + "&invitationId=7" + Math.abs(id.hashCode()) + "&sharedKey=zz9\n"
            + "View profile: https://www.linkedin.com/comm/in/" + who.slug() + "\n\n"
            + "----------------------------------------\n\n"
            + "This email was intended for " + InvitationMails.RECIPIENT_NAME + " (Platform Engineer)\n"
            + "Learn why we included this: https://www.linkedin.com/help/linkedin/answer/4788\n"
            + "You are receiving Invitations to connect emails.\n"
            + "Unsubscribe: https://www.linkedin.com/comm/psettings/email-unsubscribe\n"
            + "© " + year(date) + " LinkedIn Corporation, 1000 West Maude Avenue, Sunnyvale, CA 94085.\n";
        return new Draft(who.name(), "invitations@linkedin.com", InvitationMails.RECIPIENT_NAME, RECIPIENT,
            who.name() + " wants to connect", date, id, List.of(
                new String[] {"X-LinkedIn-Template", "email_m2m_invite_single_01"},
                new String[] {"X-LinkedIn-Class", "INVITE"}), body, null).withHtml(html2024(who, note, mutual, date));
    }

    /** The HTML half of a 2024 notice: the same words in the table layout such notices use. */
    private static String html2024(Person who, String note, int mutual, Instant date) {
        String cell = "<td style=\"padding:0 24px;font-family:-apple-system,system-ui,Roboto,Helvetica Neue,sans-serif;"
            + "font-size:14px;line-height:1.4;color:#191919\">";
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Invitation</title></head>"
            + "<body style=\"margin:0;padding:0;background-color:#f3f2ef\"><table role=\"presentation\" width=\"512\""
            + " align=\"center\" cellpadding=\"0\" cellspacing=\"0\" style=\"background-color:#ffffff\">"
            + "<tr>" + cell + "<p>Hi " + FIRST + ",</p></td></tr>"
            + "<tr>" + cell + "<p>" + escape(note == null ? who.name() + " wants to connect" : note) + "</p></td></tr>"
            + "<tr>" + cell + "<a href=\"https://www.linkedin.com/comm/in/" + who.slug() + "\" style=\"color:#0a66c2;"
            + "font-weight:600\">" + escape(who.name()) + "</a><br>" + escape(who.headline()) + "<br>"
            + escape(who.city()) + "<br>" + mutual + " mutual connections</td></tr>"
            + "<tr>" + cell
            + "<a href=\"https://www.linkedin.com/comm/mynetwork/discovery-see-all?usecase=PEOPLE_FOLLOWS\""
            + " style=\"display:inline-block;padding:8px 16px;border-radius:24px;background-color:#0a66c2;"
            + "color:#ffffff\">Accept</a> <a href=\"https://www.linkedin.com/comm/in/" + who.slug() + "\">View profile"
            + "</a></td></tr><tr><td style=\"padding:24px;font-size:12px;color:#666666\">This email was intended for "
            + escape(InvitationMails.RECIPIENT_NAME) + " (Platform Engineer)<br>"
            + "<a href=\"https://www.linkedin.com/help/"
            + "linkedin/answer/4788\">Learn why we included this.</a><br>You are receiving Invitations to connect "
            + "emails. <a href=\"https://www.linkedin.com/comm/psettings/email-unsubscribe\">Unsubscribe</a><br>&copy; "
            + year(date) + " LinkedIn Corporation, 1000 West Maude Avenue, Sunnyvale, CA 94085.</td></tr></table>"
            + "</body></html>\n";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }

    static Draft linkedIn2016(Person who, String note, String lang, Instant date, String id) {
        String[] words = LINKEDIN_2016.get(lang);
        String body = words[0] + " " + FIRST + ",\n" + (note == null ? words[1] : note) + "\n\n"
            + who.name() + "\n" + who.headline() + "\n\n"
            + "Accept: https://www.linkedin.com/comm/people/invite-accept?mboxid=I66" + Math.abs(id.hashCode())
            + "_500&sharedKey=Ab3dE&fe=true\n"
            + "View profile: https://www.linkedin.com/comm/profile/view?id=AAsAAA66" + Math.abs(id.hashCode())
            + "&authType=name\n\n"
            + ".....................................\n\n"
            + "Unsubscribe: https://www.linkedin.com/e/v2?e=1b3p5-x&t=lun&ek=email_m2m_invite_single_01&m=unsub\n"
            + "Help: https://www.linkedin.com/e/v2?e=1b3p5-x&a=customerServiceUrl&ek=email_m2m_invite_single_01\n\n"
            + "You are receiving Invitation emails.\n\n"
            + "This email was intended for " + InvitationMails.RECIPIENT_NAME + " (Platform Engineer).\n"
            + "© " + year(date) + " LinkedIn Corporation, 2029 Stierlin Court, Mountain View CA 94043.\n";
        return new Draft(who.name(), "invitations@linkedin.com", InvitationMails.RECIPIENT_NAME, RECIPIENT,
            FIRST + ", please add me to your LinkedIn network", date, id,
            List.<String[]>of(new String[] {"X-LinkedIn-Template", "email_m2m_invite_single_01"}), body, null);
    }

    static Draft linkedIn2010(Person who, String note, Instant date, String id) {
        String link = "http://www.linkedin.com/e/fat2d0-gbf1chx1-1b/" + Integer.toHexString(id.hashCode());
        String body = "LinkedIn\n------------\n" + who.name() + " requested to add you as a connection on LinkedIn:\n"
            + "------------------------------------------\n\n" + FIRST + ",\n\n"
            + (note == null ? "I'd like to add you to my professional network on LinkedIn." : note) + "\n\n- "
            + who.first() + "\n\nAccept invitation from " + who.name() + "\n" + link + "/blk/EML_comm_afe/\n\n"
            + "View invitation from " + who.name() + "\n" + link + "/svi/\n"
            + "------------------------------------------\n(c) " + year(date) + ", LinkedIn Corporation\n";
        return new Draft(who.name() + " via LinkedIn", "member@linkedin.com", null, RECIPIENT,
            "Invitation to connect on LinkedIn", date, id, List.of(), body, null);
    }

    static Draft xing(Person who, String note, Instant date, String id) {
        String body = "Hallo " + FIRST + ",\n\n"
            + (note == null ? "Ich würde Sie gerne zu meinen Kontakten hinzufügen." : note) + "\n\n"
            + "Viele Grüße\n" + who.name() + "\n" + who.headline() + "\n\n"
            + "Kontaktanfrage annehmen: https://www.xing.com/contacts/requests/" + Math.abs(id.hashCode()) + "\n\n"
            + "Diese Nachricht wurde von XING versendet.\n";
        return new Draft(who.name() + " über XING", "mail@xing.com", null, RECIPIENT,
            note == null ? "Kontaktanfrage von " + who.name() : who.name() + " möchte Sie als Kontakt hinzufügen",
            date, id, List.of(), body, null);
    }

    static Draft viadeo(Person who, String note, Instant date, String id) {
        String body = "Bonjour " + FIRST + ",\n\n" + who.name() + " vous invite à rejoindre son réseau.\n\n"
            + (note == null ? "Je souhaiterais vous ajouter à mon réseau de contacts professionnels sur Viadeo."
                : note)
            + "\n\n" + who.name() + "\n" + who.role() + " chez " + who.company() + "\n\n"
            + "Accepter : http://www.viadeo.com/invitation/accept?id=" + Math.abs(id.hashCode()) + "\n"
            + "Voir le profil : http://www.viadeo.com/profile/" + who.slug() + "\n\n"
            + "Vous recevez ce message car " + who.name() + " vous a invité.\n";
        return new Draft(who.name() + " via Viadeo", "invitations@viadeo.com", InvitationMails.RECIPIENT_NAME,
            RECIPIENT, who.name() + " vous invite à rejoindre son réseau", date, id, List.of(), body, null);
    }

    static Draft direct(Person who, String note, Instant date, String id) {
        String body = "Hi " + FIRST + ",\n\n"
            + (note == null ? "I'd like to add you to my professional network on LinkedIn." : note
                + "\nLet's connect!") + "\n\nBest,\n" + who.name() + "\n" + who.headline() + "\n";
        return new Draft(who.name(), who.address(), null, RECIPIENT, note == null ? "Hello" : "Let's connect", date,
            id, List.of(), body, null);
    }

    private static int year(Instant date) {
        return date.atZone(ZoneOffset.UTC).getYear();
    }
}
