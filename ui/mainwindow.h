// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class AccountDialog;
class EmptyStateWidget;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;
class SecretCustody;
class SecretStore;
class TokenSortFilterModel;
class TokenTableModel;
class WorkspaceStore;

// The main window: the workspace's tokens in a searchable, sortable table, or a friendly
// empty state that says what to do next. Window geometry and the table's columns and sort
// survive restarts.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(WorkspaceStore *store, SecretStore *secrets, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showAddAccountDialog();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createFilterBar();
    void updateContentPage();
    void applyFilters();
    void restoreState();
    void saveState() const;

    WorkspaceStore *m_store;
    SecretCustody *m_custody;
    TokenTableModel *m_tokenModel;
    TokenSortFilterModel *m_proxy;
    QStackedWidget *m_stack;
    EmptyStateWidget *m_emptyState;
    QTableView *m_tokenTable;
    QLineEdit *m_searchEdit = nullptr;
    QComboBox *m_providerFilter = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QLabel *m_countLabel;
};
