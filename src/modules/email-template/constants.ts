/** Container key of Portico's email-template module (merchants' overrides and email settings). */
export const PORTICO_EMAIL_TEMPLATE_MODULE = "porticoEmailTemplate"
