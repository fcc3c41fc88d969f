import type { Path } from 'react-hook-form';
import { z } from 'zod';
import { isValidDay, toDay } from '../../../lib/dates';
import { CHILD_SEXES, EDITABLE_CHILD_STATUSES, type Child, type HomeAddressRequest } from './child-types';
import type { CreateChildRequest } from './create-child';
import type { UpdateChildRequest } from './update-child';

const optionalText = (max: number) => z.string().trim().max(max, `Use at most ${max} characters`);

const ICD10 = /^[A-Z]\d{2}(\.[A-Z0-9]{1,4})?$/;

/** A two-letter state code and a 5- or 9-digit ZIP code (the server checks the state against the USPS list). */
const STATE = /^[A-Za-z]{2}$/;
const ZIP = /^\d{5}(-?\d{4})?$/;

const contactSchema = z.object({
  name: z.string().trim().min(1, 'Enter the contact’s name').max(200, 'Use at most 200 characters'),
  relationship: z.string().trim().min(1, 'Enter how they are related').max(50, 'Use at most 50 characters'),
  phone: z
    .string()
    .trim()
    .min(1, 'Enter a phone number')
    .regex(/^\+?[\d\s().-]{7,20}$/, 'Enter a phone number, e.g. 555-123-4567'),
});

/**
 * Every field of the child forms, as the inputs hold them (strings). The intake form, the admin's edit form and
 * the guardian's edit form each show a subset; the others keep the values they started with.
 */
export const childFormSchema = z
  .object({
    firstName: z.string().trim().min(1, 'Enter the child’s first name').max(100, 'Use at most 100 characters'),
    lastName: z.string().trim().min(1, 'Enter the child’s last name').max(100, 'Use at most 100 characters'),
    preferredName: optionalText(100),
    dateOfBirth: z
      .string()
      .min(1, 'Enter the date of birth')
      .refine(isValidDay, 'Enter a real date')
      .refine((day) => day <= toDay(new Date()), 'The date of birth cannot be in the future')
      .refine((day) => day >= '1900-01-01', 'Enter a date after 1900'),
    school: optionalText(200),
    allergies: optionalText(2000),
    medicalNotes: optionalText(4000),
    emergencyContacts: z.array(contactSchema).max(10, 'Add at most 10 contacts'),
    guardianRelationship: optionalText(50),
    diagnosisCodes: z
      .string()
      .trim()
      .refine(
        (codes) => splitCodes(codes).every((code) => ICD10.test(code)),
        'Use ICD-10 codes such as F84.0, separated by commas',
      ),
    status: z.union([z.enum(EDITABLE_CHILD_STATUSES), z.literal('')]),
    intakeDate: z.string().refine((day) => day === '' || isValidDay(day), 'Enter a real date'),
    insurancePayer: optionalText(200),
    insuranceMemberId: optionalText(100),
    insuranceGroupNumber: optionalText(100),
    sex: z.union([z.enum(CHILD_SEXES), z.literal('')]),
    addressLine1: optionalText(55),
    addressLine2: optionalText(55),
    addressCity: optionalText(30),
    addressState: z
      .string()
      .trim()
      .refine((state) => state === '' || STATE.test(state), 'Use the two-letter state code, e.g. IL'),
    addressPostalCode: z
      .string()
      .trim()
      .refine((zip) => zip === '' || ZIP.test(zip), 'Enter a ZIP code of 5 or 9 digits, e.g. 62704'),
  })
  .superRefine((values, ctx) => {
    const anyAddress =
      values.addressLine1 ||
      values.addressLine2 ||
      values.addressCity ||
      values.addressState ||
      values.addressPostalCode;
    const required = [
      ['addressLine1', 'Enter the street address'],
      ['addressCity', 'Enter the city'],
      ['addressState', 'Enter the state'],
      ['addressPostalCode', 'Enter the ZIP code'],
    ] as const;
    for (const [field, message] of required) {
      if (anyAddress && !values[field]) ctx.addIssue({ code: 'custom', path: [field], message });
    }
    const anyInsurance = values.insurancePayer || values.insuranceMemberId || values.insuranceGroupNumber;
    if (anyInsurance && !values.insurancePayer) {
      ctx.addIssue({ code: 'custom', path: ['insurancePayer'], message: 'Enter the insurance payer' });
    }
    if (anyInsurance && !values.insuranceMemberId) {
      ctx.addIssue({ code: 'custom', path: ['insuranceMemberId'], message: 'Enter the member ID' });
    }
  });

export type ChildForm = z.infer<typeof childFormSchema>;

function splitCodes(codes: string): string[] {
  return codes
    .split(',')
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}

export const EMPTY_CHILD_FORM: ChildForm = {
  firstName: '',
  lastName: '',
  preferredName: '',
  dateOfBirth: '',
  school: '',
  allergies: '',
  medicalNotes: '',
  emergencyContacts: [],
  guardianRelationship: '',
  diagnosisCodes: '',
  status: '',
  intakeDate: '',
  insurancePayer: '',
  insuranceMemberId: '',
  insuranceGroupNumber: '',
  sex: '',
  addressLine1: '',
  addressLine2: '',
  addressCity: '',
  addressState: '',
  addressPostalCode: '',
};

export function toChildFormValues(child: Child): ChildForm {
  return {
    firstName: child.firstName,
    lastName: child.lastName,
    preferredName: child.preferredName ?? '',
    dateOfBirth: child.dateOfBirth,
    school: child.school ?? '',
    allergies: child.allergies ?? '',
    medicalNotes: child.medicalNotes ?? '',
    emergencyContacts: child.emergencyContacts.map((contact) => ({ ...contact })),
    guardianRelationship: '',
    diagnosisCodes: child.diagnosisCodes.join(', '),
    status: child.status === 'archived' ? '' : child.status,
    intakeDate: child.intakeDate ?? '',
    insurancePayer: child.insurance?.payer ?? '',
    insuranceMemberId: child.insurance?.memberId ?? '',
    insuranceGroupNumber: child.insurance?.groupNumber ?? '',
    sex: child.sex ?? '',
    addressLine1: child.address?.line1 ?? '',
    addressLine2: child.address?.line2 ?? '',
    addressCity: child.address?.city ?? '',
    addressState: child.address?.state ?? '',
    addressPostalCode: child.address?.postalCode ?? '',
  };
}

const orUndefined = (value: string) => value || undefined;
/** The server keeps a field that is left out and clears one sent as an empty text. */
const orClear = (value: string) => value.trim();

/** The intake request; a parent's relationship is sent only when they typed one (the server defaults to "parent"). */
export function toCreateChildRequest(values: ChildForm, asParent: boolean): CreateChildRequest {
  const codes = splitCodes(values.diagnosisCodes);
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    preferredName: orUndefined(values.preferredName),
    dateOfBirth: values.dateOfBirth,
    diagnosisCodes: codes.length > 0 ? codes : undefined,
    school: orUndefined(values.school),
    medicalNotes: orUndefined(values.medicalNotes),
    allergies: orUndefined(values.allergies),
    emergencyContacts: values.emergencyContacts,
    guardianRelationship: asParent ? orUndefined(values.guardianRelationship) : undefined,
    sex: values.sex || undefined,
    address: values.addressLine1 ? toAddress(values) : undefined,
  };
}

/** The home address as the API takes it: the state in capitals; all empty clears it on an update. */
function toAddress(values: ChildForm): HomeAddressRequest {
  return {
    line1: values.addressLine1.trim(),
    line2: orUndefined(values.addressLine2.trim()),
    city: values.addressCity.trim(),
    state: values.addressState.trim().toUpperCase(),
    postalCode: values.addressPostalCode.trim(),
  };
}

/** What a guardian may change: contacts, medical notes and allergies. */
export function toGuardianUpdate(values: ChildForm): UpdateChildRequest {
  return {
    emergencyContacts: values.emergencyContacts,
    medicalNotes: orClear(values.medicalNotes),
    allergies: orClear(values.allergies),
  };
}

/** Everything an admin edits; emptied optional fields are cleared (sent as empty text). */
export function toAdminUpdate(values: ChildForm): UpdateChildRequest {
  return {
    ...toGuardianUpdate(values),
    firstName: values.firstName,
    lastName: values.lastName,
    preferredName: orClear(values.preferredName),
    dateOfBirth: values.dateOfBirth,
    school: orClear(values.school),
    diagnosisCodes: splitCodes(values.diagnosisCodes),
    status: values.status || undefined,
    intakeDate: orUndefined(values.intakeDate),
    insurance: values.insurancePayer
      ? {
          payer: values.insurancePayer,
          memberId: values.insuranceMemberId,
          groupNumber: values.insuranceGroupNumber,
        }
      : { payer: '', memberId: '', groupNumber: '' },
    sex: values.sex || undefined,
    address: values.addressLine1 ? toAddress(values) : { line1: '', city: '', state: '', postalCode: '' },
  };
}

/** The fields each part of the child forms shows (see child-fields.tsx). */
export const CHILD_IDENTITY_FIELDS = ['firstName', 'lastName', 'preferredName', 'dateOfBirth', 'school'] as const;
export const CHILD_CLINIC_FIELDS = [
  'status',
  'intakeDate',
  'diagnosisCodes',
  'insurancePayer',
  'insuranceMemberId',
  'insuranceGroupNumber',
] as const;
export const CHILD_MEDICAL_FIELDS = ['allergies', 'medicalNotes', 'emergencyContacts'] as const;
export const CHILD_HOME_FIELDS = [
  'sex',
  'addressLine1',
  'addressLine2',
  'addressCity',
  'addressState',
  'addressPostalCode',
] as const;

type ChildFormField = keyof ChildForm;

/**
 * Where a server error's path lands in a child form that shows `shown`: "insurance.payer" → `insurancePayer`,
 * "diagnosisCodes.2" → `diagnosisCodes` (one text box), "address.postalCode" → `addressPostalCode`, "emergencyContacts.0.phone" → that row's box,
 * "emergencyContacts" → the list's own message; undefined for a field the form does not show.
 */
export function childFormField(shown: readonly ChildFormField[]): (path: string) => Path<ChildForm> | undefined {
  return (path) => {
    const contact = /^emergencyContacts\.\d+\.(name|relationship|phone)$/.test(path);
    if (contact || path === 'emergencyContacts') {
      if (!shown.includes('emergencyContacts')) return undefined;
      return (contact ? path : 'emergencyContacts.root') as Path<ChildForm>;
    }
    const insurance = /^insurance\.(payer|memberId|groupNumber)$/.exec(path);
    const address = /^address\.(line1|line2|city|state|postalCode)$/.exec(path);
    const field = (
      insurance
        ? `insurance${insurance[1].charAt(0).toUpperCase()}${insurance[1].slice(1)}`
        : address
          ? `address${address[1].charAt(0).toUpperCase()}${address[1].slice(1)}`
          : path.startsWith('diagnosisCodes')
            ? 'diagnosisCodes'
            : path
    ) as ChildFormField;
    return shown.includes(field) ? field : undefined;
  };
}
