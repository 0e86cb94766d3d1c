package org.havewemet.triage.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Does a display name speak for a platform ("LinkedIn", "LinkedIn Invitations", "Anna via LinkedIn")? A person's
 * name that merely contains a short brand token ("VK Sharma") does not.
 */
public final class BrandNames {
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}+]+");
    private static final Set<String> NOTICE_WORDS = Set.of("invitations", "invitation", "invites", "notifications",
            "notification", "team", "updates", "update", "security", "support", "bulletin", "messages", "message", "mail",
            "alerts", "alert", "service", "services", "news", "newsletter", "info", "account", "accounts", "network",
            "connect", "connections", "official", "admin", "administration", "noreply", "no", "reply", "the", "from",
            "hq", "help", "desk", "center", "centre", "care", "customer", "verification", "billing", "safety", "trust", "helpdesk", "member", "members", "premium", "jobs", "business", "profile", "corporation", "inc", "mailer",
            // the same words in the languages the platforms write in: a display name "LinkedIn Convites" speaks for LinkedIn
            "convites", "convite", "invitaciones", "invitación", "invitacion", "einladungen", "einladung", "inviti", "invito", "uitnodigingen", "zaproszenia", "davetler",
            "notificaciones", "notificações", "notificacoes", "notifiche", "benachrichtigungen", "meldingen", "powiadomienia", "bildirimler", "avisos", "aviso",
            "equipo", "equipe", "équipe", "suporte", "soporte", "assistenza", "supporto", "hilfe", "ayuda", "ajuda", "aiuto", "kundenservice", "sicherheit", "seguridad", "segurança", "sicurezza", "sécurité",
            "contacts", "contact", "kontakte", "kontakt", "contactos", "contatos", "contatti", "contactes", "kontakty", "connexions", "conexiones", "conexões", "verbindungen",
            "servicio", "serviço", "servizio", "conta", "cuenta", "compte", "konto", "cuentas", "contas", "サポート", "お知らせ", "客服", "通知", "고객센터", "알림", "поддержка", "служба", "уведомления",
            "الدعم", "فريق", "تنبيهات", "תמיכה", "सहायता", "japan", "brasil", "br", "de", "fr", "es", "it", "jp", "cn", "kr");
    private static final Pattern ON_BEHALF = Pattern.compile(
            "(?i)((?:^|[^\\p{L}])(?:via|par|über|through)|a trav[ée]s de|por meio do|tramite|\\()\\s*");

    private BrandNames() {
    }

    /** True when the display name is the brand, the brand with notice words, or "someone via brand". */
    public static boolean claims(String displayName, List<String> brandsLower) {
        if (displayName == null || displayName.isBlank()) {
            return false;
        }
        String lower = displayName.toLowerCase(Locale.ROOT);
        List<String> tokens = Arrays.stream(SEPARATORS.split(lower)).filter(t -> !t.isEmpty()).toList();
        for (String brand : brandsLower) {
            List<String> brandTokens = Arrays.stream(SEPARATORS.split(brand)).filter(t -> !t.isEmpty()).toList();
            if (brandTokens.isEmpty() || !containsSequence(tokens, brandTokens)) {
                // "Linkedln", "L1nkedIn": the brand written with look-alike letters claims it just the same.
                List<String> look = tokens.stream().map(BrandNames::skeleton).toList();
                List<String> brandLook = brandTokens.stream().map(BrandNames::skeleton).toList();
                if (!brandTokens.isEmpty() && brand.length() >= 5 && containsSequence(look, brandLook)
                        && tokens.stream().allMatch(t -> brandLook.contains(skeleton(t)) || NOTICE_WORDS.contains(t))) {
                    return true;
                }
                continue;
            }
            if (tokens.stream().allMatch(t -> brandTokens.contains(t) || NOTICE_WORDS.contains(t))) {
                return true;
            }
            Matcher m = ON_BEHALF.matcher(lower);
            while (m.find()) {
                if (lower.substring(m.end()).startsWith(brand)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Look-alike letters to one representative ("1" and "l" and "i"; "rn" and "m"). */
    private static String skeleton(String s) {
        return s.replace("rn", "m").replace("vv", "w").replace('0', 'o').replace('1', 'l').replace('i', 'l')
            .replace('ı', 'l').replace('|', 'l');
    }

    private static boolean containsSequence(List<String> tokens, List<String> seq) {
        for (int i = 0; i + seq.size() <= tokens.size(); i++) {
            if (tokens.subList(i, i + seq.size()).equals(seq)) {
                return true;
            }
        }
        return false;
    }
}
