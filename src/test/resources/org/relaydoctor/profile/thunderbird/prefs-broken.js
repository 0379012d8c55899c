// Mozilla User Preferences
user_pref("mail.account.account1.identities", "id1");
user_pref("mail.account.account1.server", "server1");
user_pref("mail.accountmanager.accounts", "account1");
user_pref("mail.identity.id1.useremail", "anna@example.ru");
user_pref("mail.server.server1.hostname", "pop.example.ru");
user_pref("mail.server.server1.port", "nine-nine-five");
user_pref("mail.server.server1.type", "pop3");
