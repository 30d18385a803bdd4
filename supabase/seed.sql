-- Local demo data ONLY. It writes straight into auth.users, so it must never be
-- run against a hosted project: the Supabase CLI applies it to `supabase start`
-- and `supabase db reset` only, the embedded stack to a fresh database only.
-- Every login's password is `demo-password`. Fixed UUIDs (a… staff, c… clients,
-- d… contracts, e… requirements) let tests and demos refer to rows by id; dates
-- are relative to current_date, so the quarters always look recent.

-- ============================================================================
-- staff: auth users, then their staff_members rows
-- ============================================================================

-- One do block: the Supabase CLI prepares every statement of the seed before running any
-- (supabase/cli#641), so statements reading the temporary demo_staff table would fail before it
-- exists. Inside plpgsql each statement is planned when it runs.
do $seed$
begin
	create temporary table demo_staff (user_id uuid, email text, full_name text, role public.staff_role);

	insert into demo_staff (user_id, email, full_name, role) values
		('a0000000-0000-4000-8000-000000000001', 'admin@demo.local', 'Carmen Ruiz Navarro', 'admin'),
		('a0000000-0000-4000-8000-000000000002', 'manager@demo.local', 'Alberto Sánchez Gil', 'manager'),
		('a0000000-0000-4000-8000-000000000003', 'quality@demo.local', 'Marta López Herrera', 'quality'),
		('a0000000-0000-4000-8000-000000000004', 'agent@demo.local', 'Pablo García Romero', 'agent'),
		('a0000000-0000-4000-8000-000000000005', 'account@demo.local', 'Lucía Fernández Ortega', 'account_manager'),
		('a0000000-0000-4000-8000-000000000006', 'account2@demo.local', 'Javier Moreno Díaz', 'account_manager');

	-- GoTrue reads the token columns as strings, so they are '' rather than null.
	insert into auth.users (
		instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
		confirmation_token, recovery_token, email_change_token_new, email_change,
		raw_app_meta_data, raw_user_meta_data, created_at, updated_at
	)
	select
		'00000000-0000-0000-0000-000000000000', user_id, 'authenticated', 'authenticated', email,
		extensions.crypt('demo-password', extensions.gen_salt('bf', 10)), now(),
		'', '', '', '',
		'{"provider":"email","providers":["email"]}', jsonb_build_object('full_name', full_name), now(), now()
	from demo_staff;

	-- A real GoTrue (`supabase start`) also wants an email identity per user; the
	-- embedded stack has no identities table and needs none.
	if to_regclass('auth.identities') is not null then
		execute $sql$
			insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
			select user_id::text, user_id, jsonb_build_object('sub', user_id::text, 'email', email, 'email_verified', true),
				'email', now(), now(), now()
			from demo_staff
		$sql$;
	end if;

	insert into public.staff_members (user_id, full_name, email, role)
	select user_id, full_name, email, role from demo_staff;

	drop table demo_staff;
end;
$seed$;

-- ============================================================================
-- clients: half for each account manager
-- ============================================================================

insert into public.clients (id, name, tax_id, sector, contact_name, contact_email, contact_phone, account_manager_id) values
	('c0000000-0000-4000-8000-000000000001', 'Transportes Ruiz e Hijos S.L.', 'B46123457', 'Logística', 'Antonio Ruiz Peña', 'antonio.ruiz@transportesruiz.example', '+34 961 234 501', 'a0000000-0000-4000-8000-000000000005'),
	('c0000000-0000-4000-8000-000000000002', 'Conservas Cantábricas S.A.', 'A39234561', 'Alimentación', 'Elena Gutiérrez Sainz', 'calidad@conservascantabricas.example', '+34 942 345 602', 'a0000000-0000-4000-8000-000000000006'),
	('c0000000-0000-4000-8000-000000000003', 'Construcciones Guadalquivir S.L.', 'B41345672', 'Construcción', 'Manuel Ortiz Rivas', 'm.ortiz@construccionesguadalquivir.example', '+34 954 456 703', 'a0000000-0000-4000-8000-000000000005'),
	('c0000000-0000-4000-8000-000000000004', 'Clínica San Rafael S.L.P.', 'B28456783', 'Sanidad', 'Dra. Isabel Prieto Campos', 'direccion@clinicasanrafael.example', '+34 915 567 804', 'a0000000-0000-4000-8000-000000000006'),
	('c0000000-0000-4000-8000-000000000005', 'Fundación Educativa Santa Teresa', 'G50567894', 'Educación', 'Rosa Domínguez Lara', 'secretaria@santateresa.example', '+34 976 678 905', 'a0000000-0000-4000-8000-000000000005'),
	('c0000000-0000-4000-8000-000000000006', 'Hoteles Costa Brava S.A.', 'A17678905', 'Hostelería', 'Jordi Puig Ferrer', 'mantenimiento@hotelescostabrava.example', '+34 972 789 006', 'a0000000-0000-4000-8000-000000000006'),
	('c0000000-0000-4000-8000-000000000007', 'Energías Renovables del Ebro S.L.', 'B50789016', 'Energía', 'Pilar Lozano Benedí', 'operaciones@renovablesebro.example', '+34 976 890 107', 'a0000000-0000-4000-8000-000000000005'),
	('c0000000-0000-4000-8000-000000000008', 'Recambios Automoción Norte S.L.', 'B48890127', 'Automoción', 'Iñaki Etxeberria Goñi', 'compras@recambiosnorte.example', '+34 944 901 208', 'a0000000-0000-4000-8000-000000000006'),
	('c0000000-0000-4000-8000-000000000009', 'Laboratorios Farmacéuticos Levante S.A.', 'A03901238', 'Farmacéutica', 'Vicente Soler Climent', 'garantia.calidad@lablevante.example', '+34 965 012 309', 'a0000000-0000-4000-8000-000000000005'),
	('c0000000-0000-4000-8000-000000000010', 'Ayuntamiento de Villanueva del Río', 'P4110000J', 'Administración pública', 'Francisco Marín Cortés', 'contratacion@villanuevadelrio.example', '+34 955 123 410', 'a0000000-0000-4000-8000-000000000006'),
	('c0000000-0000-4000-8000-000000000011', 'Textiles Alcoy S.L.', 'B03112349', 'Textil', 'Amparo Jordá Vidal', 'amparo.jorda@textilesalcoy.example', '+34 966 234 511', 'a0000000-0000-4000-8000-000000000005'),
	('c0000000-0000-4000-8000-000000000012', 'Soluciones Digitales Meseta S.L.', 'B47223450', 'Tecnología', 'Sergio Velasco Arranz', 'sistemas@digitalesmeseta.example', '+34 983 345 612', 'a0000000-0000-4000-8000-000000000006');

-- ============================================================================
-- contracts: ~a year of deliveries, so every recent quarter has a CCT
-- ============================================================================
-- due_days_ago < 0 is due in the future; delivered_after_due null means not
-- delivered yet (overdue when due_days_ago > 0); negative means early.

insert into public.contracts (id, client_id, reference, title, start_date, due_date, delivered_at, conformity, terms_notes)
select
	format('d0000000-0000-4000-8000-%s', lpad(n::text, 12, '0'))::uuid,
	format('c0000000-0000-4000-8000-%s', lpad(client_n::text, 12, '0'))::uuid,
	format('CT-%s-%s', to_char(current_date - due_days_ago - duration_days, 'YYYY'), lpad(n::text, 3, '0')),
	title,
	current_date - due_days_ago - duration_days,
	current_date - due_days_ago,
	(current_date - due_days_ago + delivered_after_due) + time '16:30',
	conformity::public.contract_conformity,
	terms_notes
from (values
	(1, 1, 'Mantenimiento preventivo de la flota de camiones', 90, 350, -5, 'accepted', 'Revisiones en domingo para no parar el reparto.'),
	(2, 2, 'Auditoría de seguridad alimentaria de la planta de Santoña', 60, 340, 0, 'accepted', null),
	(3, 3, 'Dirección de obra de la nave industrial de Dos Hermanas', 180, 330, 12, 'accepted', 'Penalización del 1 % por semana de retraso.'),
	(4, 4, 'Implantación de cita previa en línea', 75, 320, -3, 'accepted', null),
	(5, 5, 'Equipamiento del aula de informática', 45, 310, -1, 'accepted', 'Entrega antes del inicio del trimestre escolar.'),
	(6, 6, 'Renovación de la climatización del hotel de Lloret', 120, 300, 8, 'rejected', 'Nivel de ruido máximo de 30 dB en habitaciones.'),
	(7, 7, 'Inspección termográfica del parque solar de Caspe', 30, 290, -2, 'accepted', null),
	(8, 8, 'Suministro anual de recambios de frenos', 365, 280, 0, 'accepted', 'Precios revisables según IPC.'),
	(9, 9, 'Validación de cámaras frigoríficas según GMP', 60, 270, -4, 'accepted', null),
	(10, 10, 'Mantenimiento del alumbrado público', 180, 262, 15, 'accepted', 'Contrato menor; pliego de prescripciones técnicas adjunto.'),
	(11, 11, 'Auditoría energética de la fábrica de Alcoy', 40, 250, -6, 'accepted', null),
	(12, 12, 'Migración del ERP a la nube', 150, 240, 20, 'rejected', 'Parada máxima admitida: 4 horas.'),
	(13, 1, 'Instalación de telemetría en 40 vehículos', 60, 228, -2, 'accepted', null),
	(14, 2, 'Formación en APPCC para el personal de línea', 20, 215, 0, 'accepted', null),
	(15, 3, 'Estudio geotécnico de la parcela de Alcalá de Guadaíra', 30, 205, 5, 'accepted', null),
	(16, 4, 'Digitalización del archivo de historias clínicas', 120, 195, -10, 'accepted', 'Tratamiento de datos de salud: contrato de encargo firmado.'),
	(17, 6, 'Sistema de reservas del spa', 50, 185, -1, 'accepted', null),
	(18, 7, 'Mantenimiento correctivo de aerogeneradores', 90, 175, 3, 'rejected', 'Respuesta ante avería en menos de 8 horas.'),
	(19, 8, 'Plataforma de pedidos B2B', 100, 165, -3, 'accepted', null),
	(20, 9, 'Calibración de equipos de laboratorio', 25, 155, 0, 'accepted', null),
	(21, 10, 'Servicio de atención ciudadana 010', 120, 145, -2, 'accepted', null),
	(22, 11, 'Certificación OEKO-TEX de la línea infantil', 90, 135, 10, 'accepted', null),
	(23, 12, 'Soporte técnico de la red corporativa', 180, 125, -5, 'accepted', 'Soporte de 8:00 a 20:00 en días laborables.'),
	(24, 5, 'Plataforma de comunicación con las familias', 60, 118, -2, 'accepted', null),
	(25, 1, 'Optimización de rutas de reparto', 45, 105, 0, 'accepted', null),
	(26, 2, 'Etiquetado nutricional de la nueva gama', 30, 95, 7, 'rejected', null),
	(27, 3, 'Plan de seguridad y salud de la obra de Écija', 20, 85, -3, 'accepted', null),
	(28, 4, 'Renovación del equipo de rayos X', 90, 75, -1, 'accepted', null),
	(29, 6, 'Auditoría de accesibilidad de las habitaciones', 30, 65, 4, 'accepted', null),
	(30, 7, 'Monitorización remota de subestaciones', 120, 55, -2, 'accepted', null),
	(31, 9, 'Revisión del sistema de tratamiento de aguas', 40, 45, -1, 'pending', null),
	(32, 8, 'Catálogo digital de recambios', 60, 35, 3, 'pending', null),
	(33, 11, 'Mantenimiento de telares', 90, 25, -2, 'pending', null),
	(34, 10, 'Renovación de la web municipal', 150, 40, null, 'pending', 'Debe cumplir el RD 1112/2018 de accesibilidad.'),
	(35, 12, 'Copias de seguridad externalizadas', 60, 20, null, 'pending', null),
	(36, 3, 'Certificado energético de las oficinas', 30, 10, null, 'pending', null),
	(37, 1, 'Ampliación del almacén de Riba-roja', 120, -15, null, 'pending', null),
	(38, 4, 'Integración con la receta electrónica', 90, -30, null, 'pending', null),
	(39, 5, 'Renovación de las pizarras digitales', 60, -45, null, 'pending', null),
	(40, 6, 'Refuerzo del servicio técnico en temporada alta', 120, -60, null, 'pending', null),
	(41, 2, 'Trazabilidad por lote con códigos QR', 75, -75, null, 'pending', null),
	(42, 12, 'Prueba de intrusión y revisión de ciberseguridad', 30, -20, null, 'pending', null)
) as demo (n, client_n, title, duration_days, due_days_ago, delivered_after_due, conformity, terms_notes);

-- ============================================================================
-- requirements: linked to a contract of the same client where one applies
-- ============================================================================

insert into public.requirements (id, client_id, contract_id, statement, priority, status, source)
select
	format('e0000000-0000-4000-8000-%s', lpad(n::text, 12, '0'))::uuid,
	format('c0000000-0000-4000-8000-%s', lpad(client_n::text, 12, '0'))::uuid,
	case when contract_n is not null then format('d0000000-0000-4000-8000-%s', lpad(contract_n::text, 12, '0'))::uuid end,
	statement,
	priority::public.requirement_priority,
	status::public.requirement_status,
	source::public.requirement_source
from (values
	(1, 1, 1, 'Los camiones deben estar disponibles de lunes a sábado; las revisiones se hacen en domingo.', 'high', 'met', 'contract'),
	(2, 1, 37, 'El almacén ampliado debe admitir palés europeos hasta 10 metros de altura.', 'critical', 'in_progress', 'contract'),
	(3, 1, null, 'Informe mensual de incidencias de reparto por correo electrónico.', 'medium', 'open', 'meeting'),
	(4, 2, 26, 'El etiquetado debe cumplir el Reglamento (UE) 1169/2011 sobre información alimentaria.', 'critical', 'met', 'regulation'),
	(5, 2, 41, 'Cada lata debe llevar un código QR que enlace con la ficha de su lote.', 'high', 'in_progress', 'contract'),
	(6, 2, null, 'Responder a las reclamaciones de calidad en menos de 48 horas.', 'high', 'open', 'complaint'),
	(7, 3, 3, 'Reuniones de seguimiento de obra cada quince días, con acta firmada.', 'medium', 'met', 'meeting'),
	(8, 3, 36, 'El certificado energético se entrega firmado e inscrito en el registro autonómico.', 'medium', 'open', 'regulation'),
	(9, 4, 16, 'Tratar los datos de salud conforme al RGPD y la LOPDGDD.', 'critical', 'met', 'regulation'),
	(10, 4, 38, 'La integración no debe interrumpir la consulta más de 30 minutos.', 'high', 'open', 'contract'),
	(11, 4, null, 'Los pacientes piden un recordatorio de la cita por SMS.', 'low', 'open', 'survey'),
	(12, 5, 24, 'La plataforma debe ser accesible (WCAG 2.1 AA) para todas las familias.', 'high', 'met', 'regulation'),
	(13, 5, 39, 'Instalar las pizarras fuera del horario lectivo.', 'medium', 'open', 'meeting'),
	(14, 6, 6, 'El ruido de la climatización no debe superar 30 dB en las habitaciones.', 'critical', 'in_progress', 'complaint'),
	(15, 6, 40, 'Técnico de guardia disponible las 24 horas en julio y agosto.', 'high', 'open', 'contract'),
	(16, 7, 18, 'Atender una avería de aerogenerador en menos de 8 horas.', 'critical', 'in_progress', 'complaint'),
	(17, 7, 30, 'Enviar las alertas de la monitorización por SMS y por correo electrónico.', 'medium', 'met', 'contract'),
	(18, 8, 19, 'Confirmar los pedidos B2B en menos de 2 horas.', 'high', 'met', 'contract'),
	(19, 8, null, 'Los talleres piden un catálogo con fotografía de cada referencia.', 'low', 'in_progress', 'survey'),
	(20, 9, 9, 'Registros de validación conforme a las GMP (Anexo 15).', 'critical', 'met', 'regulation'),
	(21, 9, 31, 'Adjuntar los resultados analíticos al informe de revisión.', 'medium', 'open', 'contract'),
	(22, 10, 34, 'La web municipal debe cumplir el RD 1112/2018 de accesibilidad.', 'critical', 'open', 'regulation'),
	(23, 10, null, 'Atender también las consultas ciudadanas por mensajería instantánea.', 'low', 'dropped', 'survey'),
	(24, 11, 22, 'Documentar la trazabilidad de los tintes para la certificación.', 'high', 'met', 'contract'),
	(25, 12, 12, 'La migración no debe parar el ERP más de 4 horas.', 'critical', 'in_progress', 'complaint'),
	(26, 12, 42, 'Informe de la prueba de intrusión con un plan de corrección priorizado.', 'high', 'open', 'contract')
) as demo (n, client_n, contract_n, statement, priority, status, source);

-- ============================================================================
-- client feedback demo (issue 4)
-- ============================================================================
-- Demo links. Here every token is random and unknown, so this file is harmless even if it
-- reaches a hosted project (`supabase db reset --linked` runs it there). The embedded stack then
-- gives them FIXED raw tokens (supabase/local/demo-links.sql, never run by the Supabase CLI):
-- anyone who reads that file can open them. It prints DEMO_FEEDBACK_URL=<site>/f/demo-campaign-2026.
--   /f/demo-campaign-2026   campaign poster: survey, complaint and suggestion
--   /f/demo-personal-2026   personal single-use link of Transportes Ruiz about contract CT-…-025
--   /f/demo-expired-2026    expired campaign link
--   /f/demo-revoked-2026    revoked campaign link
--   /t/demo-tracking-2026   a resolved complaint with public replies, not yet rated
-- Fixed UUIDs: f… surveys, f1… invitations, f2… feedback items.

insert into public.surveys (id, trigger_point, status, definition) values (
	'f0000000-0000-4000-8000-000000000001', 'campaign', 'active',
	$json${
		"title": { "es": "¿Qué tal lo estamos haciendo?", "en": "How are we doing?" },
		"intro": {
			"es": "Son cuatro preguntas y menos de un minuto. Sus respuestas nos ayudan a mejorar.",
			"en": "Four questions, under a minute. Your answers help us improve."
		},
		"thanks": {
			"es": "Gracias por su tiempo. Leemos todas las respuestas.",
			"en": "Thank you for your time. We read every answer."
		},
		"questions": [
			{
				"id": "recommend",
				"type": "nps",
				"label": {
					"es": "¿Con qué probabilidad nos recomendaría a un colega o a otra empresa?",
					"en": "How likely are you to recommend us to a colleague or another company?"
				},
				"required": true
			},
			{
				"id": "satisfaction",
				"type": "csat",
				"label": {
					"es": "En general, ¿cuál es su grado de satisfacción con nuestro servicio?",
					"en": "Overall, how satisfied are you with our service?"
				},
				"required": true
			},
			{
				"id": "strengths",
				"type": "multiple_choice",
				"label": { "es": "¿Qué valora más de nosotros?", "en": "What do you value most about us?" },
				"required": false,
				"options": [
					{ "id": "on_time", "label": { "es": "Cumplimos los plazos", "en": "We meet deadlines" } },
					{ "id": "quality", "label": { "es": "La calidad del trabajo", "en": "The quality of the work" } },
					{ "id": "service", "label": { "es": "La atención del equipo", "en": "How the team treats you" } },
					{ "id": "price", "label": { "es": "El precio", "en": "The price" } }
				]
			},
			{
				"id": "comments",
				"type": "long_text",
				"label": { "es": "¿Qué podríamos mejorar?", "en": "What could we do better?" },
				"required": false,
				"maxLength": 1000
			}
		],
		"satisfactionQuestionId": "satisfaction",
		"satisfactionThreshold": 4
	}$json$::jsonb
);

insert into public.survey_invitations (
	id, kind, survey_id, offers_complaint, offers_suggestion, token_hash, client_id, contract_id, max_uses, expires_at, revoked_at, label
) values
	('f1000000-0000-4000-8000-000000000001', 'campaign', 'f0000000-0000-4000-8000-000000000001', true, true,
		extensions.digest(extensions.gen_random_bytes(16), 'sha256'), null, null, null, null, null, 'Cartel del mostrador (demo)'),
	('f1000000-0000-4000-8000-000000000002', 'personal', 'f0000000-0000-4000-8000-000000000001', true, false,
		extensions.digest(extensions.gen_random_bytes(16), 'sha256'), 'c0000000-0000-4000-8000-000000000001',
		'd0000000-0000-4000-8000-000000000025', 1, now() + interval '60 days', null, 'Entrega CT-025 (demo)'),
	('f1000000-0000-4000-8000-000000000003', 'campaign', 'f0000000-0000-4000-8000-000000000001', true, true,
		extensions.digest(extensions.gen_random_bytes(16), 'sha256'), null, null, null, now() - interval '1 day', null, 'Campaña de verano (caducada, demo)'),
	('f1000000-0000-4000-8000-000000000004', 'campaign', 'f0000000-0000-4000-8000-000000000001', true, true,
		extensions.digest(extensions.gen_random_bytes(16), 'sha256'), null, null, null, null, now() - interval '2 days', 'Albarán antiguo (revocado, demo)');

-- Responses over the last four quarters: most from clients' personal links (no
-- longer kept), every fourth anonymous through the counter poster.
insert into public.survey_responses (
	survey_id, invitation_id, client_id, answers, satisfaction_score, is_satisfied, submission_hash, created_at
)
select
	'f0000000-0000-4000-8000-000000000001',
	case when anonymous then 'f1000000-0000-4000-8000-000000000001'::uuid end,
	case when not anonymous then format('c0000000-0000-4000-8000-%s', lpad((n % 12 + 1)::text, 12, '0'))::uuid end,
	jsonb_strip_nulls(jsonb_build_object(
		'recommend', least(10, satisfaction * 2 + n % 2),
		'satisfaction', satisfaction,
		'strengths', case n % 4 when 0 then '["on_time","quality"]'::jsonb when 1 then '["service"]'::jsonb when 2 then '["price","service"]'::jsonb end,
		'comments', case
			when satisfaction <= 2 then 'La última entrega llegó tarde y nadie nos avisó.'
			when n % 9 = 0 then 'Todo correcto; agradeceríamos informes de avance más frecuentes.'
		end
	)),
	satisfaction,
	satisfaction >= 4,
	extensions.digest('demo-response-' || n, 'sha256'),
	now() - make_interval(days => n * 2, hours => n % 9)
from (
	select n, n % 4 = 3 as anonymous,
		case when n % 11 = 0 then 2 when n % 7 = 0 then 3 when n % 3 = 0 then 4 else 5 - (n / 60) % 2 end as satisfaction
	from generate_series(1, 180) as n
) as demo;

update public.survey_invitations
set use_count = (select count(*) from public.survey_responses where invitation_id = 'f1000000-0000-4000-8000-000000000001')
where id = 'f1000000-0000-4000-8000-000000000001';

-- Complaints and suggestions in every stage of triage. Their tracking tokens are unguessable and
-- unknown; locally, item 1's becomes the fixed 'demo-tracking-2026' (supabase/local/demo-links.sql).
insert into public.feedback_items (
	id, kind, status, category, subject, description, contact_email, contact_phone, contact_consent,
	client_id, contract_id, invitation_id, submission_hash, resolved_at, created_at
)
select
	format('f2000000-0000-4000-8000-%s', lpad(n::text, 12, '0'))::uuid,
	kind::public.feedback_kind, status::public.feedback_status, category, subject, description,
	contact_email, contact_phone, contact_email is not null or contact_phone is not null,
	case when client_n is not null then format('c0000000-0000-4000-8000-%s', lpad(client_n::text, 12, '0'))::uuid end,
	case when contract_n is not null then format('d0000000-0000-4000-8000-%s', lpad(contract_n::text, 12, '0'))::uuid end,
	case when client_n is null then 'f1000000-0000-4000-8000-000000000001'::uuid end,
	extensions.digest(extensions.gen_random_bytes(16), 'sha256'),
	case when status in ('resolved', 'closed') then now() - make_interval(days => days_ago - 6) end,
	now() - make_interval(days => days_ago)
from (values
	(1, 'complaint', 'resolved', 'delivery', 'Entrega incompleta del pedido de recambios',
		'Faltaban dos cajas de pastillas de freno en la entrega del martes y el albarán las daba por entregadas.',
		'compras@recambiosnorte.example', null, 8, 32, 20),
	(2, 'complaint', 'new', 'billing', 'Factura duplicada de noviembre',
		'Hemos recibido dos facturas con el mismo importe y distinto número para el mismo servicio de soporte.',
		null, '+34 983 345 612', 12, null, 1),
	(3, 'complaint', 'triaged', 'service', 'Nadie responde al teléfono de averías',
		'El sábado llamamos cuatro veces al teléfono de guardia por una avería en el aerogenerador 3 y no contestó nadie.',
		'operaciones@renovablesebro.example', null, 7, 30, 3),
	(4, 'complaint', 'in_progress', 'product', 'Ruido en la climatización de la planta 2',
		'Varios huéspedes se han quejado del ruido de las máquinas de la planta 2, sobre todo por la noche.',
		null, null, 6, 6, 9),
	(5, 'suggestion', 'new', 'communication', 'Avisos por SMS de la cita',
		'Sería útil recibir un SMS el día antes de la visita del técnico, como hacen otros proveedores.',
		null, null, null, null, 2),
	(6, 'suggestion', 'closed', 'service', 'Horario de atención ampliado',
		'Propongo ampliar el horario de atención telefónica hasta las 20:00 los días laborables.',
		'sistemas@digitalesmeseta.example', null, 12, null, 60),
	(7, 'complaint', 'rejected', 'billing', 'Precio distinto del presupuesto',
		'El precio final no coincide con el presupuesto que nos enviaron en primavera para la auditoría.',
		null, null, 11, 11, 40),
	(8, 'complaint', 'duplicate', 'billing', 'Otra vez la factura duplicada',
		'Escribo de nuevo por la factura duplicada de noviembre, que sigue sin resolverse.',
		null, '+34 983 345 612', 12, null, 0)
) as demo (n, kind, status, category, subject, description, contact_email, contact_phone, client_n, contract_n, days_ago);

insert into public.feedback_messages (feedback_item_id, body, is_public, author_id, created_at) values
	('f2000000-0000-4000-8000-000000000001', 'Lamentamos el error. Hemos localizado las dos cajas en nuestro almacén y salen hoy por mensajería urgente.',
		true, 'a0000000-0000-4000-8000-000000000004', now() - interval '18 days'),
	('f2000000-0000-4000-8000-000000000001', 'Error de preparación: el lector no registró el segundo palé. Revisar con almacén.',
		false, 'a0000000-0000-4000-8000-000000000003', now() - interval '17 days'),
	('f2000000-0000-4000-8000-000000000001', 'Las cajas se entregaron ayer y el transportista confirma la firma del albarán. Damos la incidencia por resuelta.',
		true, 'a0000000-0000-4000-8000-000000000004', now() - interval '14 days'),
	('f2000000-0000-4000-8000-000000000003', 'Hemos recibido su queja y la estamos revisando con el equipo de guardia.',
		true, 'a0000000-0000-4000-8000-000000000004', now() - interval '2 days'),
	('f2000000-0000-4000-8000-000000000003', 'El móvil de guardia estaba sin cobertura en la nave. Proponer desvío automático.',
		false, 'a0000000-0000-4000-8000-000000000003', now() - interval '2 days'),
	('f2000000-0000-4000-8000-000000000004', 'Un técnico visitará el hotel el jueves para medir el nivel de ruido.',
		true, 'a0000000-0000-4000-8000-000000000005', now() - interval '5 days'),
	('f2000000-0000-4000-8000-000000000006', 'Gracias por la propuesta. Desde el mes que viene atendemos hasta las 20:00.',
		true, 'a0000000-0000-4000-8000-000000000002', now() - interval '50 days'),
	('f2000000-0000-4000-8000-000000000007', 'El presupuesto caducó a los 90 días; el precio aplicado es el de la tarifa vigente.',
		true, 'a0000000-0000-4000-8000-000000000004', now() - interval '38 days'),
	('f2000000-0000-4000-8000-000000000008', 'Duplicado de la reclamación sobre la factura de noviembre.',
		false, 'a0000000-0000-4000-8000-000000000004', now() - interval '0 days');
