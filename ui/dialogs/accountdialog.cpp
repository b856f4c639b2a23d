// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountdialog.h"

#include "appcontext.h"
#include "connectioncheck.h"
#include "domain/providerkind.h"
#include "providerfactory.h"
#include "secretcustody.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>

using namespace Qt::StringLiterals;

AccountDialog::AccountDialog(AppContext *context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_providerCombo(new QComboBox(this))
    , m_nameEdit(new QLineEdit(this))
    , m_baseUrlEdit(new QLineEdit(this))
    , m_credentialEdit(new QLineEdit(this))
    , m_caFileEdit(new QLineEdit(this))
    , m_messageLabel(new QLabel(this))
    , m_connectionLabel(new QLabel(this))
    , m_capabilitiesLabel(new QLabel(this))
    , m_testButton(new QPushButton(tr("&Test Connection"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"accountDialog"_s);
    setWindowTitle(tr("Add Account"));

    m_providerCombo->setObjectName(u"providerCombo"_s);
    for (ProviderKind kind : ProviderKindInfo::all()) {
        if (kind != ProviderKind::VaultKv)
            m_providerCombo->addItem(ProviderKindInfo::displayName(kind), QVariant::fromValue(kind));
    }
    m_nameEdit->setObjectName(u"nameEdit"_s);
    m_nameEdit->setPlaceholderText(tr("e.g. Production Dynatrace"));
    m_baseUrlEdit->setObjectName(u"baseUrlEdit"_s);
    m_baseUrlEdit->setPlaceholderText(u"https://"_s);
    m_credentialEdit->setObjectName(u"credentialEdit"_s);
    m_credentialEdit->setEchoMode(QLineEdit::Password);
    m_credentialEdit->setAccessibleName(tr("Admin credential"));
    m_credentialEdit->setPlaceholderText(tr("Stored only in your system keychain"));
    auto *reveal
        = m_credentialEdit->addAction(QIcon::fromTheme(u"view-reveal-symbolic"_s), QLineEdit::TrailingPosition);
    reveal->setObjectName(u"revealCredentialAction"_s);
    reveal->setCheckable(true);
    reveal->setText(tr("Show credential"));
    reveal->setToolTip(tr("Show or hide the credential"));
    connect(reveal, &QAction::toggled, this,
        [this](bool shown) { m_credentialEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password); });

    m_caFileEdit->setObjectName(u"caFileEdit"_s);
    m_caFileEdit->setPlaceholderText(tr("Optional: PEM file of a private certificate authority"));
    auto *browse = m_caFileEdit->addAction(QIcon::fromTheme(u"document-open"_s), QLineEdit::TrailingPosition);
    browse->setText(tr("Choose CA file…"));
    connect(browse, &QAction::triggered, this, [this] {
        auto *chooser = new QFileDialog(this, tr("Choose CA certificate"), {}, tr("Certificates (*.pem *.crt)"));
        chooser->setAttribute(Qt::WA_DeleteOnClose);
        chooser->setFileMode(QFileDialog::ExistingFile);
        connect(chooser, &QFileDialog::fileSelected, m_caFileEdit, &QLineEdit::setText);
        chooser->open();
    });

    m_messageLabel->setObjectName(u"messageLabel"_s);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_capabilitiesLabel->setObjectName(u"capabilitiesLabel"_s);
    m_capabilitiesLabel->setWordWrap(true);
    m_capabilitiesLabel->setTextFormat(Qt::RichText);
    m_capabilitiesLabel->setAccessibleName(tr("What TokenDesk can do with this provider"));
    m_connectionLabel->setObjectName(u"connectionResultLabel"_s);
    m_connectionLabel->setWordWrap(true);
    m_connectionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connectionLabel->setAccessibleName(tr("Connection test result"));
    m_testButton->setObjectName(u"testConnectionButton"_s);
    m_testButton->setToolTip(tr("Make one authenticated call with this credential, without saving anything"));
    m_buttons->addButton(m_testButton, QDialogButtonBox::ActionRole);
    connect(m_testButton, &QPushButton::clicked, this, &AccountDialog::testConnection);

    auto *form = new QFormLayout;
    form->addRow(tr("&Provider:"), m_providerCombo);
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("&Base URL:"), m_baseUrlEdit);
    form->addRow(tr("&Credential:"), m_credentialEdit);
    form->addRow(tr("C&A file:"), m_caFileEdit);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_capabilitiesLabel);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_connectionLabel);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &AccountDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AccountDialog::reject);
    for (QLineEdit *edit : {m_nameEdit, m_baseUrlEdit, m_credentialEdit, m_caFileEdit})
        connect(edit, &QLineEdit::textChanged, this, &AccountDialog::updateSaveButton);
    connect(m_providerCombo, &QComboBox::currentIndexChanged, this, &AccountDialog::updateSaveButton);
    connect(m_providerCombo, &QComboBox::currentIndexChanged, this, &AccountDialog::updateCapabilities);
    connect(m_baseUrlEdit, &QLineEdit::textChanged, this, &AccountDialog::updateCapabilities);
    updateCapabilities();
    updateSaveButton();
    resize(560, sizeHint().height());
}

AccountDialog::~AccountDialog()
{
    // QLineEdit keeps its text until destroyed; clearing it shortens the secret's life in memory.
    m_credentialEdit->clear();
}

QString AccountDialog::validationError() const
{
    if (m_nameEdit->text().trimmed().isEmpty())
        return tr("Enter a name for the account.");
    const QUrl url = QUrl::fromUserInput(m_baseUrlEdit->text().trimmed());
    if (m_baseUrlEdit->text().trimmed().isEmpty() || !url.isValid() || url.host().isEmpty())
        return tr("Enter the provider's base URL, e.g. https://abc12345.live.dynatrace.com.");
    const bool loopback = url.host() == u"localhost" || QHostAddress(url.host()).isLoopback();
    if (url.scheme() == u"http" && !loopback)
        return tr("Use https:// — plain http:// is only allowed to this computer (localhost).");
    if (url.scheme() != u"https" && url.scheme() != u"http")
        return tr("The base URL must start with https://.");
    if (m_credentialEdit->text().isEmpty())
        return tr("Enter the account's admin credential.");
    return {};
}

void AccountDialog::updateSaveButton()
{
    const QString error = validationError();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(error.isEmpty());
    m_testButton->setEnabled(error.isEmpty());
    m_messageLabel->setText(error);
    // A result for other input would mislead: drop it, and any answer still on its way.
    ++m_connectionCheck;
    m_connectionLabel->clear();
}

Account AccountDialog::accountFromFields() const
{
    Account account;
    account.kind = m_providerCombo->currentData().value<ProviderKind>();
    account.displayName = m_nameEdit->text().trimmed();
    account.baseUrl = QUrl::fromUserInput(m_baseUrlEdit->text().trimmed());
    account.caCertificatePath = m_caFileEdit->text().trimmed();
    return account;
}

void AccountDialog::updateCapabilities()
{
    const ProviderCapabilities caps = m_context->providers().capabilities(accountFromFields());
    QString text
        = tr("<b>TokenDesk can:</b> %1")
              .arg(caps.abilities().isEmpty() ? tr("nothing yet") : caps.abilities().join(u", "_s).toHtmlEscaped());
    if (!caps.limitations.isEmpty()) {
        QStringList items;
        for (const QString &limit : caps.limitations)
            items << u"<li>"_s + limit.toHtmlEscaped() + u"</li>"_s;
        text += u"<ul>"_s + items.join(QString()) + u"</ul>"_s;
    }
    m_capabilitiesLabel->setText(text);
}

void AccountDialog::testConnection()
{
    if (!validationError().isEmpty())
        return;
    const int check = ++m_connectionCheck;
    m_testButton->setEnabled(false);
    m_connectionLabel->setText(tr("Testing the connection…"));
    ConnectionCheck::run(m_context->providers(), accountFromFields(), SecretBytes::fromUtf8(m_credentialEdit->text()),
        this, [this, check](bool ok, const QString &message) {
            if (check != m_connectionCheck)
                return;
            m_testButton->setEnabled(validationError().isEmpty());
            m_connectionLabel->setText(ok ? tr("✔ %1").arg(message) : tr("✘ Connection failed: %1").arg(message));
        });
}

void AccountDialog::setBusy(bool busy)
{
    for (QWidget *widget : std::initializer_list<QWidget *> {
             m_providerCombo, m_nameEdit, m_baseUrlEdit, m_credentialEdit, m_caFileEdit, m_buttons})
        widget->setEnabled(!busy);
}

void AccountDialog::accept()
{
    if (!validationError().isEmpty())
        return;
    setBusy(true);
    m_messageLabel->setText(tr("Saving the credential to the system keychain…"));
    m_context->custody()->addAccount(accountFromFields(), SecretBytes::fromUtf8(m_credentialEdit->text()), this,
        [this](const Account &saved, const QString &error) {
            setBusy(false);
            if (!error.isEmpty()) {
                m_messageLabel->setText(tr("The account was not added: %1").arg(error));
                return;
            }
            m_credentialEdit->clear();
            Q_EMIT accountAdded(saved);
            QDialog::accept();
        });
}
