<#-- Every Keycloak email in Backline's colours (css/app.css); mail clients only honour inline styles. -->
<#macro emailLayout>
<html lang="${locale.language}" dir="${(ltr)?then('ltr','rtl')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body style="margin:0;padding:0;background:#f6f7f4;color:#1d2430;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.5;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f7f4;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #d9dde3;border-radius:8px;">
<tr><td style="background:#15324a;color:#ffffff;padding:14px 24px;font-size:20px;font-weight:700;border-radius:8px 8px 0 0;">Backline</td></tr>
<tr><td style="padding:24px;font-size:16px;">
<#nested>
</td></tr>
<tr><td style="padding:0 24px 24px;color:#556070;font-size:13px;">${msg("backlineEmailFooter")}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
</#macro>

<#macro heading><h1 style="font-size:22px;line-height:1.3;margin:0 0 16px;color:#15324a;"><#nested></h1></#macro>

<#macro button href><p style="margin:24px 0;"><a href="${href}" style="display:inline-block;background:#1f5f8b;color:#ffffff;text-decoration:none;font-weight:600;padding:10px 18px;border-radius:6px;"><#nested></a></p></#macro>

<#-- An invitation's expiry as Backline wrote it (the clinic's local time, ISO), in the reader's language. -->
<#function expiry iso>
  <#if !iso?has_content><#return ""></#if>
  <#setting locale=locale.toString()>
  <#return iso?datetime.iso?string.medium_short>
</#function>

<#-- Whether the invitation Backline noted on the account still runs: a later email from Keycloak must not repeat it. -->
<#function invitationOpen iso>
  <#return iso?has_content && iso?datetime.iso gt .now>
</#function>
