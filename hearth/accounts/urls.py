from django.urls import path

from hearth.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.account, name="account"),
    path("name/", views.account_name, name="name"),
    path("recovery-code/", views.recovery_code, name="recovery_code"),
]
