// SPDX-License-Identifier: GPL-3.0-or-later
// The German translation end to end: the translators Bootstrap installs for German, English and
// untranslated locales, plural forms, Qt's own strings, the command line under LANG and LANGUAGE,
// and a check of the .ts files that fails on any unfinished or empty message and on any
// placeholder (%1, %n) that differs from the English source, since a lost %2 silently drops a
// token name or an error from a message.
#include "bootstrap.h"

#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

// One message of a .ts file as the translator left it.
struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; // empty when finished; "unfinished", "vanished" or "obsolete" otherwise
    QStringList forms; // the translation, or one entry per plural form
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;
    QString error;
};

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = path + u": "_s + file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        if (name == u"TS") {
            ts.language = xml.attributes().value(u"language"_s).toString();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = TsMessage {};
            message.context = context;
            message.numerus = xml.attributes().value(u"numerus"_s) == u"yes";
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(u"type"_s).toString();
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"numerusform")
                        message.forms << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
            } else {
                message.forms << xml.readElementText();
            }
            ts.messages << message;
        }
    }
    if (xml.hasError())
        ts.error = u"%1:%2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%L?(?:\\d{1,2}|n)|%[vm]"_s);
    QStringList found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found << match.captured();
    found.sort();
    return found;
}

// Everything that keeps a message from showing as meant, one line each; empty when all is well.
QStringList problemsIn(const TsFile &ts, int pluralForms)
{
    QStringList problems;
    for (const TsMessage &message : ts.messages) {
        if (message.type == u"vanished" || message.type == u"obsolete")
            continue; // no longer in the sources, so never shown
        const QString where = message.context + u": “"_s + message.source + u"”: "_s;
        if (message.type == u"unfinished")
            problems << where + u"unfinished"_s;
        if (message.forms.isEmpty() || message.forms.contains(QString()))
            problems << where + u"empty translation"_s;
        if (message.numerus && message.forms.size() != pluralForms)
            problems << where + u"%1 plural forms instead of %2"_s.arg(message.forms.size()).arg(pluralForms);
        const QStringList expected = placeholders(message.source);
        const auto listed = [](const QStringList &found) { return found.isEmpty() ? u"none"_s : found.join(u' '); };
        for (const QString &form : message.forms) {
            if (!form.isEmpty() && placeholders(form) != expected) {
                problems << where
                        + u"placeholders %1 in “%2”, the source has %3"_s.arg(
                            listed(placeholders(form)), form, listed(expected));
            }
        }
    }
    return problems;
}

QString translationsDir()
{
    return QDir(qEnvironmentVariable("TOKENDESK_TEST_SOURCE_DIR")).filePath(u"../resources/translations"_s);
}

// Bootstrap parents its translators to the application; a test starts from none.
void removeTranslators()
{
    const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

QString translate(const char *context, const char *text, int n = -1)
{
    return QCoreApplication::translate(context, text, nullptr, n);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { removeTranslators(); }

    void cleanup()
    {
        removeTranslators();
        QLocale::setDefault(QLocale::system());
    }

    void bothTranslationsAreEmbedded()
    {
        QVERIFY(QFile::exists(u":/i18n/tokendesk_en.qm"_s));
        QVERIFY(QFile::exists(u":/i18n/tokendesk_de.qm"_s));
    }

    void germanLocaleGetsGerman_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany);
        QTest::newRow("de_AT") << QLocale(QLocale::German, QLocale::Austria);
        QTest::newRow("de_CH") << QLocale(QLocale::German, QLocale::Switzerland);
    }

    void germanLocaleGetsGerman()
    {
        QFETCH(QLocale, locale);
        QLocale::setDefault(locale);
        Bootstrap::installTranslations();
        // Strings of windows the test never opens: the translator alone decides.
        QCOMPARE(translate("TokenTableModel", "Next rotation"), u"Nächste Rotation"_s);
        QCOMPARE(translate("TokenState", "Revoked"), u"Widerrufen"_s);
        QCOMPARE(translate("TokenActions", "&Emergency Revoke…"), u"&Notfall-Widerruf…"_s);
        QCOMPARE(translate("AuditLogWindow", "Hash chain BROKEN: %1"), u"Hash-Kette GEBROCHEN: %1"_s);
        // German has two plural forms: one, and everything else (0 included).
        QCOMPARE(translate("MainWindow", "%n token(s)", 1), u"1 Token"_s);
        QCOMPARE(translate("MainWindow", "%n token(s)", 2), u"2 Tokens"_s);
        QCOMPARE(translate("MainWindow", "%n token(s)", 0), u"0 Tokens"_s);
        QCOMPARE(translate("PolicyDuration", "%n day(s)", 1), u"1 Tag"_s);
        QCOMPARE(translate("PolicyDuration", "%n day(s)", 30), u"30 Tage"_s);
        QCOMPARE(translate("AccountListModel", "%n account(s)", 1), u"1 Konto"_s);
        QCOMPARE(translate("AccountListModel", "%n account(s)", 2), u"2 Konten"_s);
    }

    void germanLocaleGetsQtsGermanToo()
    {
        const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (!QFile::exists(QDir(qtTranslations).filePath(u"qtbase_de.qm"_s)))
            QSKIP("Qt's own translations are not installed (Debian: qt6-translations-l10n)");
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        Bootstrap::installTranslations();
        QCOMPARE(translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
        QCOMPARE(translate("TokenTableModel", "Next rotation"), u"Nächste Rotation"_s);
    }

    void otherLocalesGetEnglish_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("en_GB") << QLocale(QLocale::English, QLocale::UnitedKingdom);
        QTest::newRow("fr_FR: no French translation") << QLocale(QLocale::French, QLocale::France);
        QTest::newRow("C") << QLocale::c();
    }

    void otherLocalesGetEnglish()
    {
        QFETCH(QLocale, locale);
        QLocale::setDefault(locale);
        Bootstrap::installTranslations();
        QCOMPARE(translate("TokenTableModel", "Next rotation"), u"Next rotation"_s);
        QCOMPARE(translate("MainWindow", "%n token(s)", 1), u"1 token"_s);
        QCOMPARE(translate("MainWindow", "%n token(s)", 2), u"2 tokens"_s);
        // Qt's buttons stay in the application's language: no French "Annuler" in an English app.
        QCOMPARE(translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
    }

    // The real program, with the system locale taken from the environment as a user's session sets it.
    void commandLineFollowsTheEnvironment_data()
    {
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<bool>("german");
        QTest::newRow("LANG=de_DE.UTF-8") << QStringList {u"LANG=de_DE.UTF-8"_s} << true;
        QTest::newRow("LANGUAGE=de") << QStringList {u"LANG=C.UTF-8"_s, u"LANGUAGE=de"_s} << true;
        QTest::newRow("LANGUAGE=fr:de") << QStringList {u"LANG=fr_FR.UTF-8"_s, u"LANGUAGE=fr:de"_s} << true;
        QTest::newRow("LC_ALL=de_AT.UTF-8") << QStringList {u"LANG=en_US.UTF-8"_s, u"LC_ALL=de_AT.UTF-8"_s} << true;
        QTest::newRow("LANG=en_US.UTF-8") << QStringList {u"LANG=en_US.UTF-8"_s} << false;
        QTest::newRow("LANGUAGE=en:de") << QStringList {u"LANG=de_DE.UTF-8"_s, u"LANGUAGE=en:de"_s} << false;
        QTest::newRow("LANG=C.UTF-8") << QStringList {u"LANG=C.UTF-8"_s} << false;
        QTest::newRow("LANG=fr_FR.UTF-8") << QStringList {u"LANG=fr_FR.UTF-8"_s} << false;
    }

    void commandLineFollowsTheEnvironment()
    {
        QFETCH(QStringList, environment);
        QFETCH(bool, german);
        const QString program = qEnvironmentVariable("TOKENDESK_CLI");
        QVERIFY2(QFile::exists(program), "TOKENDESK_CLI must name the tokendesk-cli program");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &name : {u"LANG"_s, u"LANGUAGE"_s, u"LC_ALL"_s, u"LC_MESSAGES"_s})
            env.remove(name);
        for (const QString &setting : environment)
            env.insert(setting.section(u'=', 0, 0), setting.section(u'=', 1));
        QProcess process;
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(program, {});
        QVERIFY(process.waitForStarted(10000));
        QVERIFY(finished.wait(30000));
        const QString errors = QString::fromUtf8(process.readAllStandardError()).trimmed();
        QCOMPARE(process.exitCode(), 2); // usage error: no command
        QCOMPARE(
            errors, german ? u"Kein Befehl angegeben. Versuchen Sie --help."_s : u"No command given. Try --help."_s);
    }

    void germanTranslationIsComplete()
    {
        const TsFile german = readTs(QDir(translationsDir()).filePath(u"tokendesk_de.ts"_s));
        QVERIFY2(german.error.isEmpty(), qPrintable(german.error));
        QVERIFY(german.language.startsWith(u"de"_s));
        QVERIFY(!german.messages.isEmpty());
        const QStringList problems = problemsIn(german, 2);
        QVERIFY2(problems.isEmpty(),
            qPrintable(u"%1 message(s) of tokendesk_de.ts need a translator (run the update_translations target "
                       "first if strings were added):\n"_s.arg(problems.size())
                + problems.join(u'\n')));

        // Every plural form English spells out exists in German too: the German file is not a stale subset.
        const TsFile english = readTs(QDir(translationsDir()).filePath(u"tokendesk_en.ts"_s));
        QVERIFY2(english.error.isEmpty(), qPrintable(english.error));
        QSet<QString> germanKeys;
        for (const TsMessage &message : german.messages)
            germanKeys.insert(message.context + u'\x1f' + message.source);
        QStringList absent;
        for (const TsMessage &message : english.messages) {
            if (message.type != u"vanished" && message.type != u"obsolete"
                && !germanKeys.contains(message.context + u'\x1f' + message.source))
                absent << message.context + u": “"_s + message.source + u"”"_s;
        }
        QVERIFY2(absent.isEmpty(), qPrintable(u"missing from tokendesk_de.ts:\n"_s + absent.join(u'\n')));
    }

    // English is the source language: its file holds the plural forms and nothing else.
    void englishFileIsPluralOnlyAndComplete()
    {
        const TsFile english = readTs(QDir(translationsDir()).filePath(u"tokendesk_en.ts"_s));
        QVERIFY2(english.error.isEmpty(), qPrintable(english.error));
        QVERIFY(!english.messages.isEmpty());
        QStringList problems = problemsIn(english, 2);
        for (const TsMessage &message : english.messages) {
            if (!message.numerus)
                problems << message.context + u": “"_s + message.source + u"”: not a plural form"_s;
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // The check above must catch each kind of broken message, or a passing run means nothing.
    void checkReportsBrokenMessages()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(u"broken_de.ts"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Sample</name>
    <message><source>Fine %1</source><translation>Gut %1</translation></message>
    <message><source>Open</source><translation type="unfinished">Offen</translation></message>
    <message><source>Empty</source><translation></translation></message>
    <message><source>%1 failed: %2</source><translation>%1 fehlgeschlagen</translation></message>
    <message><source>Gone %1</source><translation type="vanished">Weg</translation></message>
    <message numerus="yes"><source>%n token(s)</source><translation>
        <numerusform>ein Token</numerusform><numerusform>%n Tokens</numerusform></translation></message>
    <message numerus="yes"><source>%n day(s)</source><translation>
        <numerusform>%n Tag</numerusform></translation></message>
    <message numerus="yes"><source>%n hour(s)</source><translation>
        <numerusform>%n Stunde</numerusform><numerusform></numerusform></translation></message>
</context>
</TS>
)");
        file.close();
        const TsFile ts = readTs(file.fileName());
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QCOMPARE(ts.messages.size(), 8);
        const QStringList problems = problemsIn(ts, 2);
        QCOMPARE(problems,
            (QStringList {
                u"Sample: “Open”: unfinished"_s,
                u"Sample: “Empty”: empty translation"_s,
                u"Sample: “%1 failed: %2”: placeholders %1 in “%1 fehlgeschlagen”, the source has %1 %2"_s,
                u"Sample: “%n token(s)”: placeholders none in “ein Token”, the source has %n"_s,
                u"Sample: “%n day(s)”: 1 plural forms instead of 2"_s,
                u"Sample: “%n hour(s)”: empty translation"_s,
            }));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "testtranslations.moc"
