package org.havewemet.it.hardening;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.james.utils.TestIMAPClient;

/**
 * What a user sees over IMAP: every folder, and in each the messages in order as "Message-ID flags" (without
 * {@code \Recent}, which belongs to an IMAP session, not to the message). Read with EXAMINE and BODY.PEEK, so reading
 * changes nothing.
 */
record MailboxSnapshot(Map<String, List<String>> folders) {
    private static final String MESSAGE_ID = "message-id:";

    static MailboxSnapshot read(int imapPort, String user, String password) throws IOException {
        Map<String, List<String>> folders = new TreeMap<>();
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", imapPort).login(user, password);
            for (String folder : imap.list().stream().filter(line -> line.startsWith("* LIST "))
                .map(MailboxSnapshot::folderName).toList()) {
                String examined = imap.sendCommand("EXAMINE \"" + folder + "\"");
                folders.put(folder, exists(examined) == 0 ? List.of()
                    : messages(imap.sendCommand("FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")));
            }
        }
        return new MailboxSnapshot(folders);
    }

    List<String> messageIds(String folder) {
        return folders.getOrDefault(folder, List.of()).stream().map(entry -> entry.split(" ", 2)[0]).toList();
    }

    int count(String folder) {
        return folders.getOrDefault(folder, List.of()).size();
    }

    /** Message-ID to the folders holding it, once per copy. */
    Map<String, List<String>> foldersById() {
        Map<String, List<String>> byId = new LinkedHashMap<>();
        folders.forEach((folder, entries) -> messageIds(folder)
            .forEach(id -> byId.computeIfAbsent(id, any -> new ArrayList<>()).add(folder)));
        return byId;
    }

    /** The mailbox name at the end of an IMAP LIST line such as {@code * LIST (\HasNoChildren) "." "Spam"}. */
    private static String folderName(String listLine) {
        String name = listLine.substring(listLine.lastIndexOf(' ') + 1);
        return name.replace("\"", "");
    }

    private static int exists(String examineResponse) {
        for (String line : examineResponse.split("\r?\n")) {
            String[] words = line.trim().split(" ");
            if (words.length == 3 && words[0].equals("*") && words[2].equals("EXISTS")) {
                return Integer.parseInt(words[1]);
            }
        }
        throw new IllegalStateException("no EXISTS in " + examineResponse);
    }

    /** One entry per "* n FETCH" block: its Message-ID and its flags but \Recent, sorted. */
    private static List<String> messages(String fetchResponse) {
        List<String> entries = new ArrayList<>();
        String flags = null;
        String messageId = null;
        for (String line : fetchResponse.split("\r?\n")) {
            if (line.startsWith("* ") && line.contains(" FETCH (")) {
                if (flags != null) {
                    entries.add(entry(messageId, flags));
                }
                int at = line.indexOf("FLAGS (");
                flags = at < 0 ? "" : line.substring(at + "FLAGS (".length(), line.indexOf(')', at));
                messageId = null;
            } else if (line.toLowerCase(Locale.ROOT).startsWith(MESSAGE_ID)) {
                messageId = line.substring(MESSAGE_ID.length()).trim();
            }
        }
        if (flags != null) {
            entries.add(entry(messageId, flags));
        }
        return entries;
    }

    private static String entry(String messageId, String flags) {
        String kept = Arrays.stream(flags.split(" ")).filter(flag -> !flag.isBlank() && !flag.equals("\\Recent"))
            .sorted().collect(Collectors.joining(" "));
        return (messageId == null ? "<no-message-id>" : messageId) + " " + kept;
    }
}
