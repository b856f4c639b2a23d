// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/account.h"

#include <QDialog>

class AppContext;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

// Adds a provider account: provider kind, display name, base URL, the admin credential
// (masked, with an explicit reveal) and an optional CA file. It says what TokenDesk can and
// cannot do with the chosen provider before anything is saved. "Test connection" makes one
// authenticated call with what is typed and says who the credential is, or the provider's
// error. The credential goes only to the keychain, through SecretCustody; the dialog stays open
// with a specific message if that fails.
class AccountDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountDialog)

public:
    explicit AccountDialog(AppContext *context, QWidget *parent = nullptr);
    ~AccountDialog() override;

    void accept() override;

Q_SIGNALS:
    void accountAdded(const Account &account);

private:
    Account accountFromFields() const;
    void testConnection();
    void updateCapabilities();
    QString validationError() const;
    void updateSaveButton();
    void setBusy(bool busy);

    AppContext *m_context;
    QComboBox *m_providerCombo;
    QLineEdit *m_nameEdit;
    QLineEdit *m_baseUrlEdit;
    QLineEdit *m_credentialEdit;
    QLineEdit *m_caFileEdit;
    QLabel *m_messageLabel;
    QLabel *m_connectionLabel;
    QLabel *m_capabilitiesLabel;
    QPushButton *m_testButton;
    int m_connectionCheck = 0; // identifies the newest check, so a stale answer is ignored
    QDialogButtonBox *m_buttons;
};
