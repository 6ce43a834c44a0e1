/** Container key of Portico's intake module. */
export const PORTICO_INTAKE_MODULE = "porticoIntake"
